/**
 * An application availability that keeps the application not ready while a required band
 * service is not running.
 */
@NullMarked
package dev.bandmaster.spring.availability;

import org.jspecify.annotations.NullMarked;
