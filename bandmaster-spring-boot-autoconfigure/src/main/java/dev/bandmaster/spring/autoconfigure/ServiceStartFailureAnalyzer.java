package dev.bandmaster.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.spring.BandmasterStartupException;

/**
 * Analyzes a boot in which a required band service did not start: which service, its
 * cause, the attempts made, and every other service that did not start.
 */
class ServiceStartFailureAnalyzer extends AbstractFailureAnalyzer<BandmasterStartupException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BandmasterStartupException cause) {
		List<BandmasterException> failures = cause.getFailures();
		if (ServiceGraphFailureAnalyzer.isGraphProblem(failures)) {
			return null;
		}
		BandmasterException culprit = culprit(failures);
		if (culprit == null) {
			return null;
		}
		String name = culprit.serviceName();
		StringBuilder description = new StringBuilder();
		description.append("BandMaster could not start the required service '").append(name).append("'");
		if (culprit.kind() == ErrorKind.SERVICE_START_FAILURE) {
			description.append(" after ").append(attempts(culprit.attempts()));
		}
		description.append(":\n\n    ").append(reason(culprit)).append("\n\nServices that did not start:\n");
		for (BandmasterException failure : failures) {
			description.append("    - '")
				.append(failure.serviceName())
				.append("' (")
				.append(failure.required() ? "required" : "optional")
				.append("): ")
				.append(summary(failure))
				.append('\n');
		}
		String action = "Check that what service '" + name + "' connects to is reachable and correctly configured. "
				+ "To give it more time, raise bandmaster.services." + name + ".retries, initial-backoff or "
				+ "start-timeout, or bandmaster.startup.timeout. If the application can run without it, set "
				+ "bandmaster.services." + name + ".required=false.";
		return new FailureAnalysis(description.toString().stripTrailing(), action, cause);
	}

	/**
	 * Returns the required service to blame: the first that failed on its own rather than
	 * because of a dependency.
	 */
	private static @Nullable BandmasterException culprit(List<BandmasterException> failures) {
		BandmasterException first = null;
		for (BandmasterException failure : failures) {
			if (failure.required() && failure.kind() == ErrorKind.SERVICE_START_FAILURE) {
				return failure;
			}
			if (failure.required() && first == null) {
				first = failure;
			}
		}
		return first;
	}

	private static String reason(BandmasterException failure) {
		ServiceError error = ServiceError.of(failure.getCause());
		return (error != null) ? error.type() + ": " + error.message() : ServiceError.mask(failure.getMessage());
	}

	private static String summary(BandmasterException failure) {
		if (failure.kind() == ErrorKind.DEPENDENCY_UNAVAILABLE) {
			return "not started, its dependency '" + failure.dependency() + "' is unavailable";
		}
		ServiceError error = ServiceError.of(failure.getCause());
		return "failed after " + attempts(failure.attempts()) + ((error != null) ? ": " + error : "");
	}

	private static String attempts(int attempts) {
		int retries = Math.max(0, attempts - 1);
		return attempts + ((attempts == 1) ? " attempt" : " attempts") + " (" + retries
				+ ((retries == 1) ? " retry)" : " retries)");
	}

}
