/**
 * Auto-configuration of the band services' Micrometer observations.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
