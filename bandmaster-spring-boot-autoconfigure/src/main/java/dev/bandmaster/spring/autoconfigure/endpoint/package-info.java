/**
 * Auto-configuration of the {@code bandmaster} actuator endpoint.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
