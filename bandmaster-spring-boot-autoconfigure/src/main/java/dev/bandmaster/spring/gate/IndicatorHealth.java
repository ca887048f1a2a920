package dev.bandmaster.spring.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * What a {@link HealthGate} read from one health indicator, whatever the Spring Boot
 * line: the indicator's path, its status code and details; and the check that every
 * indicator of a gate reports {@code UP}, so that each line's {@code HealthGate} only
 * walks its line's contributors.
 *
 * @param path the indicator's path, as under {@code /actuator/health}, e.g.
 * {@code db/orders}
 * @param status its status code, or {@code null} if it reported no health
 * @param details its details (empty if it reported no health)
 */
record IndicatorHealth(String path, @Nullable String status, Map<String, ?> details) {

	private static final String UP = "UP";

	/**
	 * Returns what an indicator that reported no health ({@code null}) was read as.
	 * @param path the indicator's path
	 * @return its health, with no status
	 */
	static IndicatorHealth none(String path) {
		return new IndicatorHealth(path, null, Map.of());
	}

	/**
	 * Reads the indicators of a gate on a thread of their own, and throws unless each
	 * reports {@code UP}.
	 * @param name the name of the gate's contributor, as under {@code /actuator/health}
	 * @param reading reads the health of each indicator of the contributor
	 * @throws IllegalStateException naming each indicator that is not {@code UP}, with
	 * its status and details, passwords masked as {@link ServiceError#mask(String)} does
	 * @throws Exception what the reading throws, or an attempt's interruption or timeout
	 */
	static void requireUp(String name, Callable<List<IndicatorHealth>> reading) throws Exception {
		List<IndicatorHealth> healths = InterruptibleCall.call("health-" + name, reading);
		List<String> notUp = new ArrayList<>();
		for (IndicatorHealth health : healths) {
			String report = health.reportUnlessUp();
			if (report != null) {
				notUp.add("'" + health.path() + "' " + report);
			}
		}
		if (!notUp.isEmpty()) {
			throw new IllegalStateException(
					ServiceError.mask("Health contributor '" + name + "' is not UP: " + String.join("; ", notUp)));
		}
	}

	private @Nullable String reportUnlessUp() {
		if (this.status == null) {
			return "reports no health";
		}
		if (UP.equals(this.status)) {
			return null;
		}
		return "reports " + this.status + (this.details.isEmpty() ? "" : " " + this.details);
	}

}
