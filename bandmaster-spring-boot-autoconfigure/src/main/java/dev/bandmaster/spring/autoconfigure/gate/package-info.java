/**
 * Auto-configuration of the gates: one band service per {@code DataSource} and
 * {@code RedisConnectionFactory} bean, and per configured HTTP or TCP endpoint, each
 * switched on with {@code bandmaster.gates.<kind>.enabled=true}.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure.gate;

import org.jspecify.annotations.NullMarked;
