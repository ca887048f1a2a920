package dev.bandmaster.spring.autoconfigure.gate;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.autoconfigure.health.BandmasterHealthAutoConfiguration;
import dev.bandmaster.spring.gate.LocalServers;
import dev.bandmaster.spring.testsupport.LineAutoConfigurations;
import dev.bandmaster.spring.testsupport.LineHealth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link HealthGateAutoConfiguration} with Spring Boot's real health
 * auto-configurations: its {@code db} and {@code redis} indicators on the real servers.
 */
class HealthGateAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BandmasterAutoConfiguration.class, HealthGateAutoConfiguration.class,
				LineAutoConfigurations.HEALTH_CONTRIBUTOR_REGISTRY, LineAutoConfigurations.DATA_SOURCE_HEALTH,
				LineAutoConfigurations.REDIS_HEALTH, LineAutoConfigurations.REDIS_REACTIVE_HEALTH));

	@Test
	void opensAGatePerNamedIndicatorOnTheRealServers() {
		int postgres = LocalServers.postgresPort();
		int redis = LocalServers.redisPort();
		this.runner.withBean(DataSource.class, () -> postgres(postgres))
			.withBean(LettuceConnectionFactory.class, () -> lettuce(redis))
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=db,redis")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// With Reactor present and a reactive connection factory, Boot's Redis
				// indicator is a reactive one, which the gate finds as the health
				// endpoint does.
				assertThat(context.getBean("redisHealthContributor"))
					.isInstanceOf(LineHealth.REACTIVE_CONTRIBUTOR_TYPE);
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.services()).extracting(ServiceSnapshot::name)
					.containsExactlyInAnyOrder("health-db", "health-redis");
				assertThat(maestro.state("health-db")).isEqualTo(ServiceState.STARTED);
				assertThat(maestro.state("health-redis")).isEqualTo(ServiceState.STARTED);
			});
	}

	@Test
	void failsTheStartupAfterItsAttemptsWithTheStatusAndDetailsOfAnIndicatorThatStaysDown() {
		LocalServers.postgresPort();
		int closed = LocalServers.closedPort();
		this.runner.withBean(DataSource.class, () -> postgres(closed))
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=db",
					"bandmaster.services.health-db.retries=1", "bandmaster.services.health-db.initial-backoff=10ms")
			.run((context) -> {
				assertThat(context).getFailure().cause().isInstanceOf(BandmasterStartupException.class);
				BandmasterStartupException failure = (BandmasterStartupException) context.getStartupFailure()
					.getCause();
				assertThat(failure.getFailures()).singleElement().satisfies((error) -> {
					assertThat(error.serviceName()).isEqualTo("health-db");
					assertThat(error.attempts()).isEqualTo(2);
					assertThat(error.getCause()).hasMessageStartingWith(
							"Health contributor 'db' is not UP: 'db' reports DOWN {error=org.springframework.jdbc."
									+ "CannotGetJdbcConnectionException");
				});
			});
	}

	@Test
	void opensAGateOnANestedContributorWhateverItsSiblingsReport() {
		LocalServers.postgresPort();
		this.runner.withUserConfiguration(OrdersUpCustomersDownConfiguration.class)
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=db/orders")
			.run((context) -> {
				Maestro maestro = context.getBean(Maestro.class);
				assertThat(maestro.services()).extracting(ServiceSnapshot::name).containsExactly("health-db-orders");
				assertThat(maestro.state("health-db-orders")).isEqualTo(ServiceState.STARTED);
			});
	}

	@Test
	void namesTheKeyAndTheKnownNamesWhenAnIndicatorDoesNotExist() {
		int postgres = LocalServers.postgresPort();
		this.runner.withBean(DataSource.class, () -> postgres(postgres))
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=db,mongo")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.health.indicators names 'mongo', but there is no health contributor of "
						+ "that name. Known names: [db]."));
	}

	@Test
	void listsTheNestedNamesWhenANestedIndicatorDoesNotExist() {
		LocalServers.postgresPort();
		this.runner.withUserConfiguration(OrdersUpCustomersDownConfiguration.class)
			.withPropertyValues("bandmaster.gates.health.enabled=true",
					"bandmaster.gates.health.indicators=db/inventory")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessageStartingWith("bandmaster.gates.health.indicators names 'db/inventory', but there is no "
						+ "health contributor of that name. Known names: [db, ")
				.hasMessageContainingAll("db/orders", "db/customers"));
	}

	@Test
	void refusesBandmastersOwnContributorAndLeavesItOutOfTheKnownNames() {
		int postgres = LocalServers.postgresPort();
		ApplicationContextRunner withBandmasterHealth = this.runner
			.withConfiguration(AutoConfigurations.of(BandmasterHealthAutoConfiguration.class))
			.withBean(DataSource.class, () -> postgres(postgres));
		withBandmasterHealth
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=bandmaster")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessageStartingWith("bandmaster.gates.health.indicators names 'bandmaster', BandMaster's own "
						+ "health contributor"));
		withBandmasterHealth
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=mongo")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageEndingWith("Known names: [db]."));
	}

	@Test
	void namesTheKeyWhenNoIndicatorIsNamed() {
		this.runner.withPropertyValues("bandmaster.gates.health.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.health.indicators is empty."));
	}

	@Test
	void refusesABlankIndicatorName() {
		this.runner
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators[0]=db",
					"bandmaster.gates.health.indicators[1]= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.health.indicators holds a blank name."));
	}

	@Test
	void refusesTwoIndicatorsThatWouldMakeOneGate() {
		this.runner
			.withPropertyValues("bandmaster.gates.health.enabled=true",
					"bandmaster.gates.health.indicators=db/orders,db-orders")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.health.indicators names 'db/orders' and 'db-orders', which would both "
						+ "be gate 'health-db-orders'."));
	}

	@Test
	void namesTheKeyWhenTheApplicationHasNoHealthRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BandmasterAutoConfiguration.class, HealthGateAutoConfiguration.class))
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=db")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BandmasterConfigurationException.class)
				.hasMessage("bandmaster.gates.health.indicators names 'db', but the application has no "
						+ "HealthContributorRegistry."));
	}

	@Test
	void addsNoGateUnlessEnabled() {
		this.runner.withPropertyValues("bandmaster.gates.health.indicators=db")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	@Test
	void addsNoGateWhenBandmasterIsDisabled() {
		this.runner
			.withPropertyValues("bandmaster.enabled=false", "bandmaster.gates.health.enabled=true",
					"bandmaster.gates.health.indicators=db")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	@Test
	void addsNoGateWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(LineHealth.REGISTRY_TYPE))
			.withPropertyValues("bandmaster.gates.health.enabled=true", "bandmaster.gates.health.indicators=db")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BandServiceRegistration.class));
	}

	private static PGSimpleDataSource postgres(int port) {
		PGSimpleDataSource dataSource = LocalServers.postgresDataSource(port);
		dataSource.setConnectTimeout(1);
		return dataSource;
	}

	private static LettuceConnectionFactory lettuce(int port) {
		return new LettuceConnectionFactory(new RedisStandaloneConfiguration(LocalServers.HOST, port));
	}

	@Configuration(proxyBeanMethods = false)
	static class OrdersUpCustomersDownConfiguration {

		@Bean
		DataSource orders() {
			return postgres(LocalServers.postgresPort());
		}

		@Bean
		DataSource customers() {
			return postgres(LocalServers.closedPort());
		}

	}

}
