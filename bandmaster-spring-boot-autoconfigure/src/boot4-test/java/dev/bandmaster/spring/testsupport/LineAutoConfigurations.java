package dev.bandmaster.spring.testsupport;

import org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;

/**
 * Spring Boot 4's auto-configurations that the shared tests run beside BandMaster's,
 * named by what they configure, since their classes differ between the Spring Boot lines.
 */
public final class LineAutoConfigurations {

	/** The {@code spring.sql.init} scripts' initializer of the data source. */
	public static final Class<?> DATA_SOURCE_INITIALIZATION = DataSourceInitializationAutoConfiguration.class;

	/** The {@code JdbcTemplate}. */
	public static final Class<?> JDBC_TEMPLATE = JdbcTemplateAutoConfiguration.class;

	/** The {@code KafkaAdmin} and the rest of {@code spring.kafka.*}. */
	public static final Class<?> KAFKA = KafkaAutoConfiguration.class;

	/** The registry of health contributors that the health endpoint reads. */
	public static final Class<?> HEALTH_CONTRIBUTOR_REGISTRY = HealthContributorRegistryAutoConfiguration.class;

	/** The {@code db} health indicator. */
	public static final Class<?> DATA_SOURCE_HEALTH = DataSourceHealthContributorAutoConfiguration.class;

	/** The blocking {@code redis} health indicator. */
	public static final Class<?> REDIS_HEALTH = DataRedisHealthContributorAutoConfiguration.class;

	/** The reactive {@code redis} health indicator. */
	public static final Class<?> REDIS_REACTIVE_HEALTH = DataRedisReactiveHealthContributorAutoConfiguration.class;

	private LineAutoConfigurations() {
	}

}
