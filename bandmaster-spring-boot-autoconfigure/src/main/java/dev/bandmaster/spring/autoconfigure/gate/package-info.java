/**
 * Auto-configuration of the gates: one band service per {@code DataSource},
 * {@code RedisConnectionFactory} and {@code KafkaAdmin} bean, per configured HTTP or TCP
 * endpoint, and per named health contributor, each switched on with
 * {@code bandmaster.gates.<kind>.enabled=true}.
 */
@NullMarked
package dev.bandmaster.spring.autoconfigure.gate;

import org.jspecify.annotations.NullMarked;
