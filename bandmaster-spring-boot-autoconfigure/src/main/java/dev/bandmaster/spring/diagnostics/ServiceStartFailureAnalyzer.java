package dev.bandmaster.spring.diagnostics;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.spring.BandmasterStartupException;

/**
 * Analyzes a boot in which a required band service did not start: which service, its
 * cause, the attempts made, and every other service that did not start. Public for the
 * lifecycle, which logs a background boot's failure with the same analysis. Stateless,
 * hence thread-safe.
 */
public final class ServiceStartFailureAnalyzer extends AbstractFailureAnalyzer<BandmasterStartupException> {

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
		description.append("BandMaster could not start the ")
			.append(culprit.required() ? "required " : "")
			.append("service '")
			.append(name)
			.append("'");
		if (culprit.kind() == ErrorKind.SERVICE_START_FAILURE) {
			description.append(" after ").append(attempts(culprit.attempts()));
		}
		description.append(":\n\n    ").append(reason(culprit)).append("\n\n");
		if (!cause.getHeldBeans().isEmpty()) {
			description.append("The beans it holds were not created: ")
				.append(String.join(", ", cause.getHeldBeans()))
				.append(".\n\n");
		}
		description.append("Services that did not start:\n");
		for (BandmasterException failure : failures) {
			description.append("    - '")
				.append(failure.serviceName())
				.append("' (")
				.append(failure.required() ? "required" : "optional")
				.append("): ")
				.append(summary(failure))
				.append('\n');
		}
		if (culprit.fatal()) {
			return new FailureAnalysis(description.toString().stripTrailing(), fatalAction(culprit), cause);
		}
		String action = "Check that what service '" + name + "' connects to is reachable and correctly configured. "
				+ "To give it more time, raise bandmaster.services." + name + ".retries, initial-backoff or "
				+ "start-timeout, or bandmaster.startup.timeout. "
				+ (cause.getHeldBeans().isEmpty()
						? "If the application can run without it, set bandmaster.services." + name + ".required=false."
						: "To create the beans it holds without waiting for it, set bandmaster.services." + name
								+ ".holds to the beans it must hold (none: an empty value); for a datasource gate, "
								+ "bandmaster.gates.datasource.hold-initialization=false.");
		return new FailureAnalysis(description.toString().stripTrailing(), action, cause);
	}

	/**
	 * Advice for a failure that no retry or server could mend: the JVM is in trouble, or
	 * the application was built with the wrong libraries.
	 */
	private static String fatalAction(BandmasterException culprit) {
		String name = culprit.serviceName();
		if (culprit.getCause() instanceof LinkageError) {
			return "Service '" + name + "' needs a class that is missing or incompatible, which no retry can mend. "
					+ "Check the application's dependencies (mvn dependency:tree or gradle dependencies): a library "
					+ "missing at run time, or two versions of one.";
		}
		return "Service '" + name + "' failed with an error of the JVM itself, which no retry can mend. Check the "
				+ "JVM's memory and stack settings (-Xmx, -Xss) and what the service holds while it starts.";
	}

	/**
	 * Returns the service to blame: the first required one that failed on its own rather
	 * than because of a dependency, else the first required one; for a service started
	 * ahead of the beans it holds, which fails the startup even if optional, the first.
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
		return (first != null || failures.isEmpty()) ? first : failures.get(0);
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
