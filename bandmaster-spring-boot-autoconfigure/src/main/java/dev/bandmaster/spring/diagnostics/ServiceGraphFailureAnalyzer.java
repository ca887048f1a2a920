package dev.bandmaster.spring.diagnostics;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.spring.BandmasterStartupException;

/**
 * Analyzes a dependency graph that cannot be booted: dependencies that no band service
 * provides and loops, the loop printed as {@code a -> b -> a}. Nothing was started.
 */
class ServiceGraphFailureAnalyzer extends AbstractFailureAnalyzer<BandmasterStartupException> {

	static boolean isGraphProblem(List<BandmasterException> failures) {
		return failures.stream()
			.anyMatch((failure) -> failure.kind() == ErrorKind.DEPENDENCY_MISSING
					|| failure.kind() == ErrorKind.DEPENDENCY_CIRCULAR);
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BandmasterStartupException cause) {
		if (!isGraphProblem(cause.getFailures())) {
			return null;
		}
		StringBuilder description = new StringBuilder(
				"The band services' dependencies cannot be satisfied, so none was started:\n\n");
		boolean missing = false;
		boolean loops = false;
		for (BandmasterException failure : cause.getFailures()) {
			description.append("    - ").append(describe(failure, cause.getServiceNames())).append('\n');
			missing |= failure.kind() == ErrorKind.DEPENDENCY_MISSING;
			loops |= failure.kind() == ErrorKind.DEPENDENCY_CIRCULAR;
		}
		List<String> actions = new ArrayList<>();
		if (missing) {
			actions.add("Correct each missing name, or register a band service under it.");
		}
		if (loops) {
			actions.add("Break each loop by removing one of its dependencies.");
		}
		actions.add("Dependencies come from @BandService(dependsOn), bandmaster.services.<name>.depends-on, "
				+ "BandServiceRegistration and the injection of one band service bean into another.");
		return new FailureAnalysis(description.toString().stripTrailing(), String.join(" ", actions), cause);
	}

	private static String describe(BandmasterException failure, List<String> serviceNames) {
		if (failure.kind() == ErrorKind.DEPENDENCY_CIRCULAR) {
			return "a dependency loop: " + String.join(" -> ", failure.circularDependencies());
		}
		if (failure.kind() == ErrorKind.DEPENDENCY_MISSING) {
			String dependency = failure.dependency();
			String suggestion = (dependency != null) ? Suggestions.closest(dependency, serviceNames) : null;
			return "service '" + failure.serviceName() + "' depends on '" + dependency
					+ "', which no band service is named"
					+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "");
		}
		return failure.getMessage();
	}

}
