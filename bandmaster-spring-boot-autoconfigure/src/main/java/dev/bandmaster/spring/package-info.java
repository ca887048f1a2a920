/**
 * BandMaster for Spring Boot, the user's side:
 * {@link dev.bandmaster.spring.BandService @BandService} beans and
 * {@link dev.bandmaster.spring.BandServiceRegistration} beans are booted as a dependency
 * graph when the application context starts, and the
 * {@link dev.bandmaster.spring.BandmasterEvent events} of the boot are published in the
 * context.
 */
@NullMarked
package dev.bandmaster.spring;

import org.jspecify.annotations.NullMarked;
