package dev.bandmaster.spring.autoconfigure.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the gates: band services that hold the boot until a piece of
 * infrastructure answers. Each gate is an ordinary band service, tuned under
 * {@code bandmaster.services.<gate-name>} like any other.
 */
@ConfigurationProperties("bandmaster.gates")
public class BandmasterGatesProperties {

	/**
	 * The gate of each {@code DataSource} bean.
	 */
	private final Datasource datasource = new Datasource();

	/**
	 * The gate of each {@code RedisConnectionFactory} bean.
	 */
	private final Redis redis = new Redis();

	/**
	 * Gates of HTTP endpoints, such as partner APIs.
	 */
	private final Http http = new Http();

	/**
	 * Gates of TCP endpoints, for servers whose client has no better check.
	 */
	private final Tcp tcp = new Tcp();

	/**
	 * Gates of Spring Boot health contributors, for stores that have no dedicated gate.
	 */
	private final Health health = new Health();

	/**
	 * The gate of each {@code KafkaAdmin} bean.
	 */
	private final Kafka kafka = new Kafka();

	public Datasource getDatasource() {
		return this.datasource;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Http getHttp() {
		return this.http;
	}

	public Tcp getTcp() {
		return this.tcp;
	}

	public Health getHealth() {
		return this.health;
	}

	public Kafka getKafka() {
		return this.kafka;
	}

	/**
	 * The gate of each {@code DataSource} bean: borrows a connection and validates it.
	 */
	public static class Datasource {

		/**
		 * Whether each DataSource bean gets a gate.
		 */
		private boolean enabled;

		/**
		 * The name of the gate, which other band services depend on. With several
		 * DataSource beans, each gate is named "<name>-<bean name>".
		 */
		private String name = "datasource";

		/**
		 * How long the validation of a borrowed connection may take.
		 */
		private Duration validationTimeout = Duration.ofSeconds(5);

		/**
		 * Whether the gate holds the beans that initialize the database (Flyway,
		 * Liquibase, SQL scripts) or depend on its initialization (JPA's
		 * EntityManagerFactory, JdbcTemplate, jOOQ...): they are not created until it has
		 * started. 'bandmaster.services.<name>.holds' replaces them.
		 */
		private boolean holdInitialization = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public boolean isHoldInitialization() {
			return this.holdInitialization;
		}

		public void setHoldInitialization(boolean holdInitialization) {
			this.holdInitialization = holdInitialization;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Duration getValidationTimeout() {
			return this.validationTimeout;
		}

		public void setValidationTimeout(Duration validationTimeout) {
			this.validationTimeout = validationTimeout;
		}

	}

	/**
	 * The gate of each {@code RedisConnectionFactory} bean: opens a connection and sends
	 * PING.
	 */
	public static class Redis {

		/**
		 * Whether each RedisConnectionFactory bean gets a gate.
		 */
		private boolean enabled;

		/**
		 * The name of the gate, which other band services depend on. With several
		 * RedisConnectionFactory beans, each gate is named "<name>-<bean name>".
		 */
		private String name = "redis";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

	/**
	 * Gates of HTTP endpoints: each sends GET and expects one of its statuses.
	 */
	public static class Http {

		/**
		 * Whether each configured HTTP endpoint gets a gate.
		 */
		private boolean enabled;

		/**
		 * The endpoints, by gate name.
		 */
		private Map<String, HttpEndpoint> endpoints = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, HttpEndpoint> getEndpoints() {
			return this.endpoints;
		}

		public void setEndpoints(Map<String, HttpEndpoint> endpoints) {
			this.endpoints = endpoints;
		}

	}

	/**
	 * An HTTP endpoint to wait for.
	 */
	public static class HttpEndpoint {

		/**
		 * The absolute http or https URL to send GET to, typically a health URL.
		 */
		private @Nullable String url;

		/**
		 * The status codes that mean the endpoint is up.
		 */
		private List<Integer> expectedStatus = List.of(200);

		/**
		 * How long one request may take.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public List<Integer> getExpectedStatus() {
			return this.expectedStatus;
		}

		public void setExpectedStatus(List<Integer> expectedStatus) {
			this.expectedStatus = expectedStatus;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Gates of TCP endpoints: each opens a connection and closes it.
	 */
	public static class Tcp {

		/**
		 * Whether each configured TCP endpoint gets a gate.
		 */
		private boolean enabled;

		/**
		 * The endpoints, by gate name.
		 */
		private Map<String, TcpEndpoint> endpoints = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, TcpEndpoint> getEndpoints() {
			return this.endpoints;
		}

		public void setEndpoints(Map<String, TcpEndpoint> endpoints) {
			this.endpoints = endpoints;
		}

	}

	/**
	 * A TCP endpoint to wait for.
	 */
	public static class TcpEndpoint {

		/**
		 * The host name or address.
		 */
		private @Nullable String host;

		/**
		 * The port, from 1 to 65535.
		 */
		private @Nullable Integer port;

		/**
		 * How long one connection attempt may take.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

	}

	/**
	 * Gates of Spring Boot health contributors: each opens when its contributor reports
	 * UP.
	 */
	public static class Health {

		/**
		 * Whether each named health contributor gets a gate.
		 */
		private boolean enabled;

		/**
		 * The health contributors to wait for, by their names under /actuator/health
		 * (nested ones as "db/dataSource"). Each gate is named "health-<name>", with
		 * every "/" of a nested name turned into "-".
		 */
		private List<String> indicators = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getIndicators() {
			return this.indicators;
		}

		public void setIndicators(List<String> indicators) {
			this.indicators = indicators;
		}

	}

	/**
	 * The gate of each {@code KafkaAdmin} bean: asks the cluster to describe itself with
	 * the Kafka Admin client and, optionally, checks that topics exist.
	 */
	public static class Kafka {

		/**
		 * Whether each KafkaAdmin bean gets a gate.
		 */
		private boolean enabled;

		/**
		 * The name of the gate, which other band services depend on. With several
		 * KafkaAdmin beans, each gate is named "<name>-<bean name>".
		 */
		private String name = "kafka";

		/**
		 * How long the cluster may take to describe itself, and to list its topics.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * The topics that must exist (and be visible to the client) for the gate to open.
		 */
		private List<String> topics = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public List<String> getTopics() {
			return this.topics;
		}

		public void setTopics(List<String> topics) {
			this.topics = topics;
		}

	}

}
