/**
 * Auto-configuration of BandMaster's Micrometer metrics.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
