package dev.bandmaster.spring.autoconfigure.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.health.BandmasterHealthContributor;
import dev.bandmaster.spring.gate.HealthGate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a {@link HealthGate} per health
 * contributor named under {@code bandmaster.gates.health.indicators}, with
 * {@code bandmaster.gates.health.enabled=true}. The contributors are looked up as the
 * health endpoint does ({@link HealthContributorRegistries}, one per Spring Boot line: in
 * the {@code HealthContributorRegistry}, then, on Boot 4, in the
 * {@code ReactiveHealthContributorRegistry}), a nested one by its path
 * ({@code db/orders}).
 */
// After the auto-configuration of the health contributor registry: Boot 4's, then Boot
// 3.5's (the sorter ignores the line that is absent).
@AutoConfiguration(after = BandmasterAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration" })
@ConditionalOnClass(name = HealthContributorRegistries.REGISTRY_CLASS_NAME)
@ConditionalOnBean(Maestro.class)
@ConditionalOnBooleanProperty("bandmaster.gates.health.enabled")
@EnableConfigurationProperties(BandmasterGatesProperties.class)
public final class HealthGateAutoConfiguration {

	private static final String INDICATORS_KEY = "bandmaster.gates.health.indicators";

	@Bean
	static GateRegistrar bandmasterHealthGates(Environment environment) {
		Map<String, String> gateNames = gateNames(GateRegistrar.properties(environment).getHealth().getIndicators());
		return GateRegistrar.perEntry(() -> gateNames, HealthGateAutoConfiguration.class, "healthGate");
	}

	/**
	 * Makes the registration of the gate of one health contributor, by its path: the
	 * factory method of the bean definitions {@link GateRegistrar} registers.
	 */
	static BandServiceRegistration healthGate(String gateName, String path, ListableBeanFactory beanFactory) {
		return BandServiceRegistration.of(gateName,
				HealthContributorRegistries.gate(contributor(beanFactory, path), path));
	}

	/**
	 * Returns each indicator's path by the name of its gate, checked before any bean is
	 * created.
	 */
	private static Map<String, String> gateNames(List<String> indicators) {
		if (indicators.isEmpty()) {
			throw new BandmasterConfigurationException(INDICATORS_KEY + " is empty.",
					"Set " + INDICATORS_KEY
							+ " to the names of the health contributors to wait for, as under /actuator/health, e.g. "
							+ "mongo,rabbit, or set bandmaster.gates.health.enabled=false.");
		}
		Map<String, String> paths = new LinkedHashMap<>();
		for (String indicator : indicators) {
			String path = (indicator != null) ? indicator.trim() : "";
			if (path.isEmpty()) {
				throw new BandmasterConfigurationException(INDICATORS_KEY + " holds a blank name.",
						"Remove the blank entry from " + INDICATORS_KEY + ".");
			}
			String gateName = "health-" + path.replace('/', '-');
			String previous = paths.putIfAbsent(gateName, path);
			if (previous != null) {
				throw new BandmasterConfigurationException(INDICATORS_KEY + " names '" + previous + "' and '" + path
						+ "', which would both be gate '" + gateName + "'.",
						"Name each health contributor once in " + INDICATORS_KEY + ".");
			}
		}
		return paths;
	}

	private static HealthContributorNode contributor(ListableBeanFactory beanFactory, String path) {
		HealthContributorNode contributors = HealthContributorRegistries.find(beanFactory);
		if (contributors == null) {
			throw new BandmasterConfigurationException(
					INDICATORS_KEY + " names '" + path + "', but the application has no HealthContributorRegistry.",
					"Add spring-boot-starter-actuator (or spring-boot-health) to the application, "
							+ "or set bandmaster.gates.health.enabled=false.");
		}
		HealthContributorNode current = contributors;
		for (String segment : path.split("/", -1)) {
			current = (current != null) ? current.child(segment) : null;
			if (current != null && current.contributor() instanceof BandmasterHealthContributor) {
				throw new BandmasterConfigurationException(
						INDICATORS_KEY + " names '" + path
								+ "', BandMaster's own health contributor, which is UP only once the band services, "
								+ "this gate among them, have started.",
						"Remove '" + path + "' from " + INDICATORS_KEY
								+ "; to wait for another band service, depend on it instead.");
			}
		}
		if (current != null) {
			return current;
		}
		List<String> known = new ArrayList<>();
		addNames("", contributors, known);
		throw new BandmasterConfigurationException(
				INDICATORS_KEY + " names '" + path + "', but there is no health contributor of that name. Known names: "
						+ known + ".",
				"Correct the name in " + INDICATORS_KEY + " to one of " + known
						+ " (the names under /actuator/health), or remove it.");
	}

	/**
	 * Adds the names of the contributors the health endpoint shows, nested ones by their
	 * path. BandMaster's own is among them, but no gate can wait for it.
	 */
	private static void addNames(String prefix, HealthContributorNode contributors, List<String> names) {
		contributors.children().forEach((name, child) -> {
			if (child.contributor() instanceof BandmasterHealthContributor) {
				return;
			}
			names.add(prefix + name);
			addNames(prefix + name + "/", child, names);
		});
	}

}
