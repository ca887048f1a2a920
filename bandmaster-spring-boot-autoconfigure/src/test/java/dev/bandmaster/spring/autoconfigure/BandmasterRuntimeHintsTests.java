package dev.bandmaster.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.bandmaster.spring.endpoint.BandmasterEndpoint;
import dev.bandmaster.spring.autoconfigure.gate.BandmasterGatesProperties;

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
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(BandmasterProperties.class, "getStartup"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(BandmasterProperties.Startup.class, "setTimeout")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(BandmasterGatesProperties.Datasource.class, "setValidationTimeout"))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(BandmasterGatesProperties.Http.class, "getEndpoints")).accepts(this.hints);
	}

	@Test
	void theEndpointsResponsesCanBeWrittenAsJson() {
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(BandmasterEndpoint.BandServicesDescriptor.class, "services")).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(BandmasterEndpoint.ServiceDescriptor.class, "dependsOn")).accepts(this.hints);
	}

}
