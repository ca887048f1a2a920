/**
 * The bridge between the application context and the band services: the
 * {@link dev.bandmaster.spring.lifecycle.BandmasterLifecycle lifecycle} that boots them
 * when the context starts and stops them when it closes, the
 * {@link dev.bandmaster.spring.lifecycle.BandServiceCollector collector} that finds them
 * among the beans, the post-processor that checks their graph and makes held beans wait,
 * the events and startup steps they publish, and the boot report. Its settings,
 * {@link dev.bandmaster.spring.lifecycle.BandmasterSettings}, come from the
 * auto-configuration.
 */
@NullMarked
package dev.bandmaster.spring.lifecycle;

import org.jspecify.annotations.NullMarked;
