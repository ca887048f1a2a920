/**
 * The {@code bandmaster} actuator endpoint: the band services, their states and their
 * graph.
 */
@NullMarked
package dev.bandmaster.spring.endpoint;

import org.jspecify.annotations.NullMarked;
