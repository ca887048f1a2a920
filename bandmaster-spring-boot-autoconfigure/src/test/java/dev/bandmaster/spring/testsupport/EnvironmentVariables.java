package dev.bandmaster.spring.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Stands for the process's environment variables in a test context, bound the way Spring
 * Boot binds real ones.
 */
public final class EnvironmentVariables {

	private EnvironmentVariables() {
	}

	/**
	 * Returns an initializer that puts {@code variables} first, as the system
	 * environment.
	 * @param variables the variables, by name
	 * @return the initializer
	 */
	public static ApplicationContextInitializer<ConfigurableApplicationContext> of(Map<String, Object> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables));
	}

}
