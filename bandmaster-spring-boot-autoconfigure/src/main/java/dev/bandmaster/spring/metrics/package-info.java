/**
 * BandMaster's Micrometer metrics: the state of each band service.
 */
@NullMarked
package dev.bandmaster.spring.metrics;

import org.jspecify.annotations.NullMarked;
