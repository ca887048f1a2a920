package dev.bandmaster.benchmarks.workload;

import java.util.List;
import java.util.Objects;

/**
 * One line of a workload: a service, how long its start takes, and the services it
 * depends on.
 *
 * @param name the service's unique name
 * @param startMillis how long its start sleeps; 0 returns at once
 * @param dependencies the names of the services it depends on, each once
 */
public record ServiceSpec(String name, int startMillis, List<String> dependencies) {

	/**
	 * Copies the dependencies so the spec stays immutable.
	 */
	public ServiceSpec {
		Objects.requireNonNull(name, "name must not be null");
		dependencies = List.copyOf(dependencies);
		if (startMillis < 0) {
			throw new IllegalArgumentException("startMillis of '" + name + "' must not be negative");
		}
	}

}
