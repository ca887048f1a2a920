/**
 * The band services' boot and shutdown as Micrometer observations: a run
 * ({@code bandmaster.boot}, {@code bandmaster.shutdown}), each service's start or stop
 * ({@code bandmaster.service.start}, {@code bandmaster.service.stop}) within it, and each
 * attempt ({@code bandmaster.service.attempt}) within that. See
 * {@link dev.bandmaster.spring.observation.BandmasterObservationDocumentation}.
 */
@NullMarked
package dev.bandmaster.spring.observation;

import org.jspecify.annotations.NullMarked;
