package dev.bandmaster.spring.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;
import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * The health of one band service, in terms of no Spring Boot line: a status code and the
 * details, which each line's {@link ServiceHealthIndicator} only translates into its own
 * {@code Health}. One rule for every line.
 * <p>
 * A started service is {@code UP}; one that is not running (not started yet, failed to
 * start, or found failing after the boot and stopped or being restarted) is {@code DOWN}
 * if required and {@code UNKNOWN} if optional. Details: {@code state}, {@code required},
 * {@code attempts} and {@code dependsOn}; the latest start's {@code error}, when it had
 * one; and once the service has been found failing after the boot, {@code failures} (how
 * many times), {@code lastFailedAt} (when, ISO-8601) and {@code lastFailure} (why). Every
 * error is shown as its class and its message with the passwords masked.
 * <p>
 * Immutable.
 *
 * @param status the status code: {@code UP}, {@code DOWN} or {@code UNKNOWN}
 * @param details the details, in the order above
 */
record ServiceHealth(String status, Map<String, Object> details) {

	static final String UP = "UP";

	static final String DOWN = "DOWN";

	static final String UNKNOWN = "UNKNOWN";

	ServiceHealth {
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
	}

	/**
	 * Returns the health of a service from its latest snapshot.
	 * @param maestro the maestro that runs it
	 * @param name the service's name
	 * @return its health, or {@code null} if the maestro has no such service
	 */
	static @Nullable ServiceHealth of(Maestro maestro, String name) {
		ServiceSnapshot snapshot = maestro.snapshot(name);
		return (snapshot != null) ? of(snapshot) : null;
	}

	/**
	 * Returns the health a snapshot tells.
	 * @param snapshot the service's snapshot
	 * @return its health
	 */
	static ServiceHealth of(ServiceSnapshot snapshot) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", snapshot.state());
		details.put("required", snapshot.required());
		details.put("attempts", snapshot.attempts());
		details.put("dependsOn", snapshot.dependencies());
		putError(details, "error", snapshot.lastError());
		if (snapshot.failures() > 0) {
			details.put("failures", snapshot.failures());
			if (snapshot.lastFailedAt() != null) {
				details.put("lastFailedAt", snapshot.lastFailedAt().toString());
			}
			putError(details, "lastFailure", snapshot.lastFailure());
		}
		return new ServiceHealth(status(snapshot), details);
	}

	private static String status(ServiceSnapshot snapshot) {
		if (snapshot.state() == ServiceState.STARTED) {
			return UP;
		}
		return snapshot.required() ? DOWN : UNKNOWN;
	}

	private static void putError(Map<String, Object> details, String key, @Nullable Throwable error) {
		ServiceError shown = ServiceError.of(error);
		if (shown != null) {
			details.put(key, shown.message().isEmpty() ? shown.type() : shown.type() + ": " + shown.message());
		}
	}

}
