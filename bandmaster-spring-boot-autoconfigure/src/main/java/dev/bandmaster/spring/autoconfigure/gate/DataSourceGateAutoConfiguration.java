package dev.bandmaster.spring.autoconfigure.gate;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.lifecycle.ConfiguredValues;
import dev.bandmaster.spring.gate.DataSourceGate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a {@link DataSourceGate} per
 * {@link DataSource} bean, with {@code bandmaster.gates.datasource.enabled=true}. Each
 * gate holds the beans that initialize a database or depend on its initialization, unless
 * {@code bandmaster.gates.datasource.hold-initialization=false}: with several data
 * sources, each of those beans waits for every gate, since which data source a bean uses
 * is not known before it is created.
 */
// After Boot 4's auto-configuration, then Boot 3.5's: the sorter ignores the line that is
// absent.
@AutoConfiguration(after = BandmasterAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration" })
@ConditionalOnBean(Maestro.class)
@ConditionalOnBooleanProperty("bandmaster.gates.datasource.enabled")
@EnableConfigurationProperties(BandmasterGatesProperties.class)
public final class DataSourceGateAutoConfiguration {

	@Bean
	static GateRegistrar bandmasterDataSourceGates(Environment environment) {
		BandmasterGatesProperties.Datasource properties = GateRegistrar.properties(environment).getDatasource();
		validationTimeout(properties);
		GateRegistrar gates = GateRegistrar.perBean(DataSource.class, properties.getName(),
				DataSourceGateAutoConfiguration.class, "dataSourceGate");
		return properties.isHoldInitialization() ? gates.holding(new DatabaseInitializationBeans(environment)) : gates;
	}

	/**
	 * Makes the registration of the gate of one {@link DataSource} bean: the factory
	 * method of the bean definitions {@link GateRegistrar} registers.
	 */
	static BandServiceRegistration dataSourceGate(String gateName, String beanName, ListableBeanFactory beanFactory,
			Environment environment) {
		Duration validationTimeout = validationTimeout(GateRegistrar.properties(environment).getDatasource());
		return BandServiceRegistration.of(gateName,
				new DataSourceGate(beanFactory.getBean(beanName, DataSource.class), beanName, validationTimeout));
	}

	private static Duration validationTimeout(BandmasterGatesProperties.Datasource properties) {
		return ConfiguredValues.requirePositive("bandmaster.gates.datasource.validation-timeout",
				properties.getValidationTimeout());
	}

}
