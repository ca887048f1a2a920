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
 * The health of one band service as its component under {@code bandmaster} reports it:
 * the status code and the details, worked out here for every Spring Boot line, so that
 * each line's {@link ServiceHealthIndicator} only turns it into that line's
 * {@code Health}.
 * <p>
 * A started service is {@code UP}; a required service that is not running is
 * {@code DOWN}; an optional one that is not running is {@code UNKNOWN}. Details, in this
 * order: {@code state}, {@code required}, {@code attempts}, {@code dependsOn}, and the
 * last {@code error} with its passwords masked.
 *
 * @param status the status code: {@code UP}, {@code DOWN} or {@code UNKNOWN}
 * @param details the details, in the order above, unmodifiable
 */
record ServiceHealth(String status, Map<String, Object> details) {

	static final String UP = "UP";

	static final String DOWN = "DOWN";

	static final String UNKNOWN = "UNKNOWN";

	/**
	 * Returns the health of a service from its latest snapshot.
	 * @param maestro the maestro that runs it
	 * @param name the service's name
	 * @return its health, or {@code null} if the maestro has no such service
	 */
	static @Nullable ServiceHealth of(Maestro maestro, String name) {
		ServiceSnapshot snapshot = maestro.snapshot(name);
		if (snapshot == null) {
			return null;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", snapshot.state());
		details.put("required", snapshot.required());
		details.put("attempts", snapshot.attempts());
		details.put("dependsOn", snapshot.dependencies());
		ServiceError error = ServiceError.of(snapshot.lastError());
		if (error != null) {
			details.put("error", error.message().isEmpty() ? error.type() : error.type() + ": " + error.message());
		}
		return new ServiceHealth(status(snapshot), Collections.unmodifiableMap(details));
	}

	private static String status(ServiceSnapshot snapshot) {
		if (snapshot.state() == ServiceState.STARTED) {
			return UP;
		}
		return snapshot.required() ? DOWN : UNKNOWN;
	}

}
