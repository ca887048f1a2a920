/**
 * BandMaster's engine: services registered with their dependencies on a
 * {@link dev.bandmaster.Maestro}, started in parallel in dependency order, retried with
 * exponential backoff, and stopped in reverse order.
 * <p>
 * Nothing in this package depends on a framework: the Spring Boot integration builds on
 * it.
 */
@NullMarked
package dev.bandmaster;

import org.jspecify.annotations.NullMarked;
