/**
 * BandMaster's health contributor: {@code bandmaster}, with one component per band
 * service.
 */
@NullMarked
package dev.bandmaster.spring.health;

import org.jspecify.annotations.NullMarked;
