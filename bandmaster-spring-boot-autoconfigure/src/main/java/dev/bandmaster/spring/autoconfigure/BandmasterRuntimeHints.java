package dev.bandmaster.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

import dev.bandmaster.spring.endpoint.BandmasterEndpoint;
import dev.bandmaster.spring.autoconfigure.gate.BandmasterGatesProperties;

/**
 * What a native image of an application with BandMaster reaches by reflection, which
 * Spring AOT cannot see in the generated code: the {@code bandmaster.*} properties, bound
 * with a {@code Binder} before any configuration properties bean exists (by the graph's
 * post-processor and the gates), and the endpoint's responses, written as JSON. The
 * events need none: they are created and published directly, and the
 * {@code @EventListener} methods that receive them are registered by Spring's own
 * {@code @Reflective} processing. Registered in {@code META-INF/spring/aot.factories};
 * used at build time only. Stateless, hence thread-safe.
 */
final class BandmasterRuntimeHints implements RuntimeHintsRegistrar {

	private static final Class<?>[] BOUND_PROPERTIES = { BandmasterProperties.class, BandmasterGatesProperties.class };

	private static final Class<?>[] JSON_TYPES = { BandmasterEndpoint.BandServicesDescriptor.class,
			BandmasterEndpoint.ServiceDescriptor.class };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(BOUND_PROPERTIES).registerHints(hints, classLoader);
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), JSON_TYPES);
	}

}
