/**
 * Auto-configuration of an application availability that keeps the application not ready
 * while a required band service is not running.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure.availability;

import org.jspecify.annotations.NullMarked;
