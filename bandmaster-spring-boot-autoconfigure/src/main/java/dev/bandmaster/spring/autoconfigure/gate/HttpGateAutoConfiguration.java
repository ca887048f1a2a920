package dev.bandmaster.spring.autoconfigure.gate;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.lifecycle.ConfiguredValues;
import dev.bandmaster.spring.gate.HttpGate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of an {@link HttpGate} per endpoint
 * under {@code bandmaster.gates.http.endpoints}, with
 * {@code bandmaster.gates.http.enabled=true}.
 */
@AutoConfiguration(after = BandmasterAutoConfiguration.class)
@ConditionalOnBean(Maestro.class)
@ConditionalOnBooleanProperty("bandmaster.gates.http.enabled")
@EnableConfigurationProperties(BandmasterGatesProperties.class)
public final class HttpGateAutoConfiguration {

	@Bean
	static GateRegistrar bandmasterHttpGates(Environment environment) {
		// Checked by their settings: the gate, which owns an HTTP client, is made only
		// with its registration.
		return GateRegistrar.perEndpoint(() -> GateRegistrar.properties(environment).getHttp().getEndpoints(),
				HttpGateAutoConfiguration::settings, HttpGateAutoConfiguration.class, "httpGate");
	}

	/**
	 * Makes the registration of the gate of one endpoint under
	 * {@code bandmaster.gates.http.endpoints}: the factory method of the bean definitions
	 * {@link GateRegistrar} registers.
	 */
	static BandServiceRegistration httpGate(String gateName, String endpointName, Environment environment) {
		Settings settings = settings(endpointName,
				GateRegistrar.properties(environment).getHttp().getEndpoints().get(endpointName));
		return BandServiceRegistration.of(gateName,
				HttpGate.withOwnClient(settings.uri(), settings.expectedStatuses(), settings.timeout()));
	}

	private static Settings settings(String name, BandmasterGatesProperties.HttpEndpoint endpoint) {
		String key = "bandmaster.gates.http.endpoints." + name;
		URI uri = uri(key + ".url", endpoint.getUrl());
		if (endpoint.getExpectedStatus().isEmpty()) {
			throw new BandmasterConfigurationException(key + ".expected-status is empty.",
					"Set " + key + ".expected-status to the status codes that mean the endpoint is up, e.g. [200].");
		}
		return new Settings(uri, Set.copyOf(endpoint.getExpectedStatus()),
				ConfiguredValues.requirePositive(key + ".timeout", endpoint.getTimeout()));
	}

	/**
	 * An endpoint's checked settings.
	 */
	private record Settings(URI uri, Set<Integer> expectedStatuses, Duration timeout) {

	}

	private static URI uri(String key, @Nullable String url) {
		String action = "Set " + key + " to the absolute http or https URL of the endpoint, "
				+ "e.g. https://partner.example.com/health.";
		if (url == null || url.isBlank()) {
			throw new BandmasterConfigurationException(key + " is not set.", action);
		}
		try {
			URI uri = URI.create(url.trim());
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return uri;
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below, with the key.
		}
		throw new BandmasterConfigurationException(
				key + " is '" + url + "', which is not an absolute http or https URL.", action);
	}

}
