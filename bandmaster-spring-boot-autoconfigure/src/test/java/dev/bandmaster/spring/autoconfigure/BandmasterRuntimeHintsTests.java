package dev.bandmaster.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.bandmaster.spring.endpoint.BandmasterEndpoint;
import dev.bandmaster.spring.autoconfigure.gate.BandmasterGatesProperties;
import dev.bandmaster.spring.testsupport.LineRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints a native image gets for what BandMaster reaches by reflection, as
 * Spring AOT finds them: through {@code META-INF/spring/aot.factories}.
 */
class BandmasterRuntimeHintsTests {

	private final RuntimeHints hints = registeredHints();

	private static RuntimeHints registeredHints() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, BandmasterRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	@Test
	void thePropertiesBoundBeforeAnyBeanExistsCanBeBound() {
		assertThat(LineRuntimeHints.invocationOf(BandmasterProperties.class, "getStartup")).accepts(this.hints);
		assertThat(LineRuntimeHints.invocationOf(BandmasterProperties.Startup.class, "setTimeout")).accepts(this.hints);
		assertThat(LineRuntimeHints.invocationOf(BandmasterGatesProperties.Datasource.class, "setValidationTimeout"))
			.accepts(this.hints);
		assertThat(LineRuntimeHints.invocationOf(BandmasterGatesProperties.Http.class, "getEndpoints"))
			.accepts(this.hints);
	}

	@Test
	void theEndpointsResponsesCanBeWrittenAsJson() {
		assertThat(LineRuntimeHints.invocationOf(BandmasterEndpoint.BandServicesDescriptor.class, "services"))
			.accepts(this.hints);
		assertThat(LineRuntimeHints.invocationOf(BandmasterEndpoint.ServiceDescriptor.class, "dependsOn"))
			.accepts(this.hints);
	}

}
