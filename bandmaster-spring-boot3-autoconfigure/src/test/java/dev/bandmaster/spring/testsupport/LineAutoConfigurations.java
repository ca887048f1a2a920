package dev.bandmaster.spring.testsupport;

import org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;

/**
 * Spring Boot 3.5's auto-configurations that the shared tests run beside BandMaster's,
 * named by what they configure, since their classes differ between the Spring Boot lines.
 */
public final class LineAutoConfigurations {

	/** The {@code spring.sql.init} scripts' initializer of the data source. */
	public static final Class<?> DATA_SOURCE_INITIALIZATION = SqlInitializationAutoConfiguration.class;

	/** The {@code JdbcTemplate}. */
	public static final Class<?> JDBC_TEMPLATE = JdbcTemplateAutoConfiguration.class;

	/** The {@code KafkaAdmin} and the rest of {@code spring.kafka.*}. */
	public static final Class<?> KAFKA = KafkaAutoConfiguration.class;

	/**
	 * The registry of health contributors that the health endpoint reads: in Boot 3.5,
	 * the health endpoint's auto-configuration makes it.
	 */
	public static final Class<?> HEALTH_CONTRIBUTOR_REGISTRY = HealthEndpointAutoConfiguration.class;

	/** The {@code db} health indicator. */
	public static final Class<?> DATA_SOURCE_HEALTH = DataSourceHealthContributorAutoConfiguration.class;

	/** The blocking {@code redis} health indicator. */
	public static final Class<?> REDIS_HEALTH = RedisHealthContributorAutoConfiguration.class;

	/** The reactive {@code redis} health indicator. */
	public static final Class<?> REDIS_REACTIVE_HEALTH = RedisReactiveHealthContributorAutoConfiguration.class;

	private LineAutoConfigurations() {
	}

}
