package dev.bandmaster.spring.autoconfigure.gate;

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
import dev.bandmaster.spring.gate.TcpGate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a {@link TcpGate} per endpoint
 * under {@code bandmaster.gates.tcp.endpoints}, with
 * {@code bandmaster.gates.tcp.enabled=true}.
 */
@AutoConfiguration(after = BandmasterAutoConfiguration.class)
@ConditionalOnBean(Maestro.class)
@ConditionalOnBooleanProperty("bandmaster.gates.tcp.enabled")
@EnableConfigurationProperties(BandmasterGatesProperties.class)
public final class TcpGateAutoConfiguration {

	@Bean
	static GateRegistrar bandmasterTcpGates(Environment environment) {
		// Checked by making each gate once: a TcpGate holds no resource.
		return GateRegistrar.perEndpoint(() -> GateRegistrar.properties(environment).getTcp().getEndpoints(),
				TcpGateAutoConfiguration::gate, TcpGateAutoConfiguration.class, "tcpGate");
	}

	/**
	 * Makes the registration of the gate of one endpoint under
	 * {@code bandmaster.gates.tcp.endpoints}: the factory method of the bean definitions
	 * {@link GateRegistrar} registers.
	 */
	static BandServiceRegistration tcpGate(String gateName, String endpointName, Environment environment) {
		return BandServiceRegistration.of(gateName,
				gate(endpointName, GateRegistrar.properties(environment).getTcp().getEndpoints().get(endpointName)));
	}

	private static TcpGate gate(String name, BandmasterGatesProperties.TcpEndpoint endpoint) {
		String key = "bandmaster.gates.tcp.endpoints." + name;
		String host = endpoint.getHost();
		if (host == null || host.isBlank()) {
			throw new BandmasterConfigurationException(key + ".host is not set.",
					"Set " + key + ".host to the host name or address of the server to wait for.");
		}
		Integer port = endpoint.getPort();
		if (port == null || port < 1 || port > 65535) {
			throw new BandmasterConfigurationException(
					key + ".port is " + ((port != null) ? port + ", which is not a port" : "not set") + ".",
					"Set " + key + ".port to the server's port, from 1 to 65535.");
		}
		return new TcpGate(host.trim(), port,
				ConfiguredValues.requirePositive(key + ".connect-timeout", endpoint.getConnectTimeout()));
	}

}
