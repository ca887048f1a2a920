package dev.bandmaster.spring.autoconfigure.gate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Dependencies;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.Maestro;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.gate.LocalServers;
import dev.bandmaster.spring.testsupport.LineAutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for the gates' auto-configurations: when each kind is switched on, how gates are
 * named, how they are tuned, and how they behave against real servers.
 */
class GateAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BandmasterAutoConfiguration.class, DataSourceGateAutoConfiguration.class,
					RedisGateAutoConfiguration.class, HttpGateAutoConfiguration.class, TcpGateAutoConfiguration.class));

	@Test
	void addsNoGateUnlessItsKindIsEnabled() {
		this.runner.withUserConfiguration(H2Configuration.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class);
			assertThat(context.getBean(Maestro.class).services()).isEmpty();
		});
	}

	@Test
	void theDataSourceGateHoldsWhatInitializesOrNeedsTheDatabase() {
		this.runner.withUserConfiguration(H2Configuration.class)
			.withConfiguration(AutoConfigurations.of(LineAutoConfigurations.DATA_SOURCE_INITIALIZATION,
					LineAutoConfigurations.JDBC_TEMPLATE))
			.withPropertyValues("bandmaster.gates.datasource.enabled=true", "spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=classpath:gate-schema.sql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
				assertThat(beanFactory.getBeanDefinition("jdbcTemplate").getDependsOn())
					.contains("bandmasterHold.datasource");
				assertThat(beanFactory.getBeanDefinition("dataSourceScriptDatabaseInitializer").getDependsOn())
					.contains("bandmasterHold.datasource");
				assertThat(beanFactory.getBeanDefinition("dataSource").getDependsOn()).isNullOrEmpty();
				assertThat(context.getBean(Maestro.class).state("datasource")).isEqualTo(ServiceState.STARTED);
			});
	}

	@Test
	void theDataSourceGateHoldsNothingWithoutHoldInitialization() {
		this.runner.withUserConfiguration(H2Configuration.class)
			.withConfiguration(AutoConfigurations.of(LineAutoConfigurations.JDBC_TEMPLATE))
			.withPropertyValues("bandmaster.gates.datasource.enabled=true",
					"bandmaster.gates.datasource.hold-initialization=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn()).isNullOrEmpty();
				assertThat(context.getBeanFactory().containsBeanDefinition("bandmasterHold.datasource")).isFalse();
			});
	}

	@Test
	void addsNoGateWhenBandmasterIsDisabled() {
		this.runner.withUserConfiguration(H2Configuration.class)
			.withPropertyValues("bandmaster.enabled=false", "bandmaster.gates.datasource.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	@Test
	void startsTheDataSourceGateBeforeTheServicesThatDependOnIt() {
		this.runner.withUserConfiguration(H2Configuration.class, CatalogConfiguration.class)
			.withPropertyValues("bandmaster.gates.datasource.enabled=true")
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.services()).extracting(ServiceSnapshot::name)
					.containsExactlyInAnyOrder("datasource", "catalog");
				assertThat(maestro.state("datasource")).isEqualTo(ServiceState.STARTED);
				ServiceSnapshot gate = maestro.snapshot("datasource");
				ServiceSnapshot catalog = maestro.snapshot("catalog");
				assertThat(catalog.dependencies()).containsExactly("datasource");
				assertThat(catalog.startedAt()).isAfterOrEqualTo(gate.startedAt().plus(gate.startDuration()));
			});
	}

	@Test
	void namesOneGatePerDataSourceAfterItsBeanWhenThereAreSeveral() {
		this.runner.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.withPropertyValues("bandmaster.gates.datasource.enabled=true", "bandmaster.gates.datasource.name=db")
			.run((context) -> assertThat(context.getBean(Maestro.class).services()).extracting(ServiceSnapshot::name)
				.containsExactlyInAnyOrder("db-orders", "db-customers"));
	}

	@Test
	void appliesTheServicesSettingsToAGate() throws SQLException {
		this.runner.withUserConfiguration(FailingDataSourceConfiguration.class)
			.withPropertyValues("bandmaster.gates.datasource.enabled=true", "bandmaster.services.datasource.retries=2",
					"bandmaster.services.datasource.initial-backoff=10ms",
					"bandmaster.services.datasource.required=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ServiceSnapshot gate = context.getBean(Maestro.class).snapshot("datasource");
				assertThat(gate.state()).isEqualTo(ServiceState.FAILED);
				assertThat(gate.attempts()).isEqualTo(3);
				assertThat(gate.lastError()).hasMessage("database is starting up");
			});
	}

	@Test
	void failsTheStartupWhenARequiredGateNeverOpens() {
		this.runner.withUserConfiguration(FailingDataSourceConfiguration.class, CatalogConfiguration.class)
			.withPropertyValues("bandmaster.gates.datasource.enabled=true")
			.run((context) -> {
				assertThat(context).getFailure().cause().isInstanceOf(BandmasterStartupException.class);
				BandmasterStartupException failure = (BandmasterStartupException) context.getStartupFailure()
					.getCause();
				assertThat(failure.getFailures())
					.extracting(BandmasterException::serviceName, BandmasterException::kind)
					.containsExactlyInAnyOrder(tuple("datasource", ErrorKind.SERVICE_START_FAILURE),
							tuple("catalog", ErrorKind.DEPENDENCY_UNAVAILABLE));
				assertThat(failure.getFailures()).filteredOn((error) -> error.serviceName().equals("datasource"))
					.singleElement()
					.satisfies((error) -> assertThat(error.getCause()).hasMessage("database is starting up"));
			});
	}

	@Test
	void opensTheDataSourceGateOnARealPostgresServer() {
		int port = LocalServers.postgresPort();
		this.runner.withBean(DataSource.class, () -> LocalServers.postgresDataSource(port))
			.withPropertyValues("bandmaster.gates.datasource.enabled=true")
			.run((context) -> assertThat(context.getBean(Maestro.class).state("datasource"))
				.isEqualTo(ServiceState.STARTED));
	}

	@Test
	void opensTheRedisGateOnARealRedisServer() {
		int port = LocalServers.redisPort();
		this.runner.withBean(RedisConnectionFactory.class, () -> lettuce(port))
			.withPropertyValues("bandmaster.gates.redis.enabled=true")
			.run((context) -> assertThat(context.getBean(Maestro.class).state("redis"))
				.isEqualTo(ServiceState.STARTED));
	}

	@Test
	void addsNoRedisGateWithoutSpringDataRedis() {
		this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.withPropertyValues("bandmaster.gates.redis.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	@Test
	void opensAnHttpGatePerConfiguredEndpoint() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(LocalServers.HOST, 0), 0);
		server.createContext("/health", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		try {
			String url = "http://" + LocalServers.HOST + ":" + server.getAddress().getPort() + "/health";
			this.runner
				.withPropertyValues("bandmaster.gates.http.enabled=true",
						"bandmaster.gates.http.endpoints.partner.url=" + url,
						"bandmaster.gates.http.endpoints.partner.expected-status=200,204")
				.run((context) -> assertThat(context.getBean(Maestro.class).state("partner"))
					.isEqualTo(ServiceState.STARTED));
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void namesTheKeyOfAnHttpEndpointWithoutAUrl() {
		this.runner
			.withPropertyValues("bandmaster.gates.http.enabled=true",
					"bandmaster.gates.http.endpoints.partner.timeout=2s")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.http.endpoints.partner.url is not set."));
	}

	@Test
	void refusesAnHttpEndpointWhoseUrlIsNotAbsolute() {
		this.runner
			.withPropertyValues("bandmaster.gates.http.enabled=true",
					"bandmaster.gates.http.endpoints.partner.url=partner/health")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessageContaining("bandmaster.gates.http.endpoints.partner.url is 'partner/health'"));
	}

	@Test
	void opensATcpGatePerConfiguredEndpoint() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName(LocalServers.HOST))) {
			this.runner
				.withPropertyValues("bandmaster.gates.tcp.enabled=true",
						"bandmaster.gates.tcp.endpoints.broker.host=" + LocalServers.HOST,
						"bandmaster.gates.tcp.endpoints.broker.port=" + server.getLocalPort())
				.run((context) -> assertThat(context.getBean(Maestro.class).state("broker"))
					.isEqualTo(ServiceState.STARTED));
		}
	}

	@Test
	void namesTheKeyOfATcpEndpointWithABadPort() {
		this.runner
			.withPropertyValues("bandmaster.gates.tcp.enabled=true", "bandmaster.gates.tcp.endpoints.broker.host=x",
					"bandmaster.gates.tcp.endpoints.broker.port=70000")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.tcp.endpoints.broker.port is 70000, which is not a port."));
	}

	@Test
	void namesTheKeyOfAGateDurationThatIsNotPositive() {
		this.runner
			.withPropertyValues("bandmaster.gates.tcp.enabled=true", "bandmaster.gates.tcp.endpoints.broker.host=x",
					"bandmaster.gates.tcp.endpoints.broker.port=5672",
					"bandmaster.gates.tcp.endpoints.broker.connect-timeout=0")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.tcp.endpoints.broker.connect-timeout is 0s, but must be a positive "
						+ "duration."));
		this.runner
			.withPropertyValues("bandmaster.gates.http.enabled=true",
					"bandmaster.gates.http.endpoints.partner.url=http://partner/health",
					"bandmaster.gates.http.endpoints.partner.timeout=-1s")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessageStartingWith("bandmaster.gates.http.endpoints.partner.timeout is -1s"));
		this.runner.withUserConfiguration(H2Configuration.class)
			.withPropertyValues("bandmaster.gates.datasource.enabled=true",
					"bandmaster.gates.datasource.validation-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessageStartingWith("bandmaster.gates.datasource.validation-timeout is 0s"));
	}

	private static LettuceConnectionFactory lettuce(int port) {
		return new LettuceConnectionFactory(new RedisStandaloneConfiguration(LocalServers.HOST, port));
	}

	private static JdbcDataSource h2(String name) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class H2Configuration {

		@Bean
		DataSource dataSource() {
			return h2("gates");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		DataSource orders() {
			return h2("orders");
		}

		@Bean
		DataSource customers() {
			return h2("customers");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingDataSourceConfiguration {

		@Bean
		DataSource dataSource() throws SQLException {
			DataSource dataSource = mock(DataSource.class);
			given(dataSource.getConnection()).willThrow(new SQLException("database is starting up"));
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CatalogConfiguration {

		@Bean
		@BandService(name = "catalog", dependsOn = "datasource")
		Service catalog() {
			return new Service() {

				@Override
				public void start(Dependencies dependencies) {
				}

				@Override
				public void stop() {
				}

			};
		}

	}

}
