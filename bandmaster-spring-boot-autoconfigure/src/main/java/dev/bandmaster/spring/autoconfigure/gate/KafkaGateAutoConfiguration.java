package dev.bandmaster.spring.autoconfigure.gate;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.lifecycle.ConfiguredValues;
import dev.bandmaster.spring.gate.KafkaGate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a {@link KafkaGate} per
 * {@link KafkaAdmin} bean, with {@code bandmaster.gates.kafka.enabled=true}. Spring Boot
 * makes a {@code KafkaAdmin} from {@code spring.kafka.*} (bootstrap servers, security,
 * {@code spring.kafka.admin.*}), so its gate checks the cluster with the very settings
 * the application uses.
 */
// After Boot 4's auto-configuration, then Boot 3.5's: the sorter ignores the line that is
// absent.
@AutoConfiguration(after = BandmasterAutoConfiguration.class,
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration" })
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(Maestro.class)
@ConditionalOnBooleanProperty("bandmaster.gates.kafka.enabled")
@EnableConfigurationProperties(BandmasterGatesProperties.class)
public final class KafkaGateAutoConfiguration {

	private static final String TIMEOUT_KEY = "bandmaster.gates.kafka.timeout";

	@Bean
	static GateRegistrar bandmasterKafkaGates(Environment environment) {
		BandmasterGatesProperties.Kafka properties = GateRegistrar.properties(environment).getKafka();
		timeout(properties);
		topics(properties.getTopics());
		return GateRegistrar.perBean(KafkaAdmin.class, properties.getName(), KafkaGateAutoConfiguration.class,
				"kafkaGate");
	}

	/**
	 * Makes the registration of the gate of one {@link KafkaAdmin} bean: the factory
	 * method of the bean definitions {@link GateRegistrar} registers.
	 */
	static BandServiceRegistration kafkaGate(String gateName, String beanName, ListableBeanFactory beanFactory,
			Environment environment) {
		BandmasterGatesProperties.Kafka properties = GateRegistrar.properties(environment).getKafka();
		KafkaAdmin admin = beanFactory.getBean(beanName, KafkaAdmin.class);
		return BandServiceRegistration.of(gateName, new KafkaGate(admin.getConfigurationProperties(), beanName,
				timeout(properties), topics(properties.getTopics())));
	}

	private static Duration timeout(BandmasterGatesProperties.Kafka properties) {
		Duration timeout = ConfiguredValues.requirePositive(TIMEOUT_KEY, properties.getTimeout());
		if (timeout.compareTo(KafkaGate.MAX_TIMEOUT) > 0) {
			throw ConfiguredValues.invalid(TIMEOUT_KEY, timeout,
					"at most " + ConfiguredValues.asWritten(KafkaGate.MAX_TIMEOUT));
		}
		return timeout;
	}

	private static List<String> topics(List<String> topics) {
		Set<String> checked = new LinkedHashSet<>();
		for (String topic : topics) {
			String name = (topic != null) ? topic.trim() : "";
			if (name.isEmpty()) {
				throw new BandmasterConfigurationException("bandmaster.gates.kafka.topics holds a blank name.",
						"Remove the blank entry from bandmaster.gates.kafka.topics.");
			}
			checked.add(name);
		}
		return List.copyOf(checked);
	}

}
