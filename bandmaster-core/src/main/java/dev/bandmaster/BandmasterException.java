package dev.bandmaster;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An error reported by a {@link Maestro}: a registration refused, a graph that cannot be
 * started, or a service that did not start or stop. Its {@link #kind()} says which;
 * {@link #getCause()} is the service's own error when there is one. Immutable.
 */
public class BandmasterException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ErrorKind kind;

	private final String serviceName;

	private final boolean required;

	private final @Nullable String dependency;

	private final @Nullable String parent;

	private final List<String> circularDependencies;

	private final int attempts;

	BandmasterException(ErrorKind kind, String serviceName, boolean required, @Nullable String dependency,
			@Nullable String parent, List<String> circularDependencies, int attempts, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.serviceName = serviceName;
		this.required = required;
		this.dependency = dependency;
		this.parent = parent;
		this.circularDependencies = List.copyOf(circularDependencies);
		this.attempts = attempts;
	}

	/**
	 * Returns what went wrong.
	 * @return the kind of error
	 */
	public ErrorKind kind() {
		return this.kind;
	}

	/**
	 * Returns the service the error is about; for a cycle, the service the loop was found
	 * from.
	 * @return the service's name
	 */
	public String serviceName() {
		return this.serviceName;
	}

	/**
	 * Tells whether the service the error is about is required; a caller may choose to
	 * ignore errors of optional services. Registration errors report the flag of the
	 * definition that was refused.
	 * @return {@code true} for a required service
	 */
	public boolean required() {
		return this.required;
	}

	/**
	 * Returns the dependency the error is about: the missing one, the one named twice, or
	 * the direct dependency that is unavailable.
	 * @return the dependency's name, or {@code null} for kinds that are not about a
	 * dependency
	 */
	public @Nullable String dependency() {
		return this.dependency;
	}

	/**
	 * Returns, for {@link ErrorKind#PARENT_UNAVAILABLE}, the service that depends on this
	 * one and is still running.
	 * @return the parent's name, or {@code null} for other kinds
	 */
	public @Nullable String parent() {
		return this.parent;
	}

	/**
	 * Returns, for {@link ErrorKind#DEPENDENCY_CIRCULAR}, the path that closes the loop,
	 * first and last element equal: {@code [A, D, B, A]} means A depends on D, D on B,
	 * and B on A.
	 * @return an unmodifiable list, empty for other kinds
	 */
	public List<String> circularDependencies() {
		return this.circularDependencies;
	}

	/**
	 * Returns how many attempts were made, for start and stop failures.
	 * @return the number of attempts, {@code 0} when the service was never tried
	 */
	public int attempts() {
		return this.attempts;
	}

	/**
	 * Tells whether the service's error is one the engine never retries, and whose remedy
	 * lies in the JVM or the class path rather than in what the service connects to: the
	 * cause of a {@link ErrorKind#SERVICE_START_FAILURE} or
	 * {@link ErrorKind#SERVICE_STOP_FAILURE} is a {@link VirtualMachineError} (out of
	 * memory or stack, an internal error: the JVM itself is in trouble) or a
	 * {@link LinkageError} (a class missing or incompatible: the application was built or
	 * deployed with the wrong libraries). Such a failure is reported after the attempt
	 * that threw it, whatever retries the service has left.
	 * @return {@code true} when the cause is such an error
	 */
	public boolean fatal() {
		Throwable cause = getCause();
		return (this.kind == ErrorKind.SERVICE_START_FAILURE || this.kind == ErrorKind.SERVICE_STOP_FAILURE)
				&& cause != null && isFatal(cause);
	}

	/**
	 * Whether an error thrown by a service's start or stop is never retried: a
	 * {@link VirtualMachineError} or a {@link LinkageError}. Retrying cannot mend either,
	 * and the retries would only delay the report (or, out of memory, make it worse).
	 */
	static boolean isFatal(Throwable error) {
		return error instanceof VirtualMachineError || error instanceof LinkageError;
	}

	static BandmasterException alreadyExists(String name, boolean required) {
		return registration(ErrorKind.SERVICE_ALREADY_EXISTS, name, required, null,
				"Service '" + name + "' is already registered: give each service a unique name");
	}

	static BandmasterException unknown(String name, Collection<String> known) {
		return registration(ErrorKind.SERVICE_UNKNOWN, name, false, null,
				"No service is registered under '" + name + "': use one of " + known);
	}

	static BandmasterException dependsOnItself(String name, boolean required) {
		return registration(ErrorKind.SERVICE_DEPENDS_ON_ITSELF, name, required, name,
				"Service '" + name + "' depends on itself: remove '" + name + "' from its dependencies");
	}

	static BandmasterException duplicateDependency(String name, boolean required, String dependency) {
		return registration(ErrorKind.SERVICE_DUPLICATE_DEPENDENCY, name, required, dependency, "Service '" + name
				+ "' names dependency '" + dependency + "' more than once: name each dependency once");
	}

	static BandmasterException missing(String name, boolean required, String dependency) {
		return registration(ErrorKind.DEPENDENCY_MISSING, name, required, dependency,
				"Service '" + name + "' depends on '" + dependency + "', which is not registered: register a service "
						+ "named '" + dependency + "' or remove the dependency");
	}

	static BandmasterException circular(String name, boolean required, List<String> cycle) {
		return new BandmasterException(ErrorKind.DEPENDENCY_CIRCULAR, name, required, null, null, cycle, 0,
				"Services depend on one another in a loop: " + String.join(" -> ", cycle)
						+ ". Remove one of these dependencies",
				null);
	}

	static BandmasterException dependencyUnavailable(String name, boolean required, String dependency) {
		return new BandmasterException(ErrorKind.DEPENDENCY_UNAVAILABLE, name, required, dependency, null, List.of(), 0,
				"Service '" + name + "' was not started: its dependency '" + dependency + "' is unavailable", null);
	}

	static BandmasterException parentUnavailable(String name, boolean required, String parent) {
		return new BandmasterException(ErrorKind.PARENT_UNAVAILABLE, name, required, null, parent, List.of(), 0,
				"Service '" + name + "' was not stopped: '" + parent + "', which depends on it, is still running",
				null);
	}

	static BandmasterException startFailure(String name, boolean required, int attempts, Throwable cause) {
		return transitionFailure(ErrorKind.SERVICE_START_FAILURE, "start", name, required, attempts, cause);
	}

	static BandmasterException stopFailure(String name, boolean required, int attempts, Throwable cause) {
		return transitionFailure(ErrorKind.SERVICE_STOP_FAILURE, "stop", name, required, attempts, cause);
	}

	private static BandmasterException transitionFailure(ErrorKind kind, String verb, String name, boolean required,
			int attempts, Throwable cause) {
		String tried = (attempts == 0) ? "before its first attempt"
				: "after " + attempts + ((attempts == 1) ? " attempt" : " attempts");
		return new BandmasterException(kind, name, required, null, null, List.of(), attempts,
				"Service '" + name + "' failed to " + verb + " " + tried + ": " + describe(cause) + notRetried(cause),
				cause);
	}

	private static String notRetried(Throwable cause) {
		if (cause instanceof VirtualMachineError) {
			return " (not retried: a VirtualMachineError means the JVM itself is in trouble; check its memory and "
					+ "stack settings)";
		}
		if (cause instanceof LinkageError) {
			return " (not retried: a LinkageError means a class is missing or incompatible; check the application's "
					+ "dependencies)";
		}
		return "";
	}

	private static BandmasterException registration(ErrorKind kind, String name, boolean required,
			@Nullable String dependency, String message) {
		return new BandmasterException(kind, name, required, dependency, null, List.of(), 0, message, null);
	}

	/**
	 * Describes a cause for a message, its passwords masked: a message travels to logs
	 * and reports that the cause itself never reaches.
	 */
	static String describe(Throwable cause) {
		String message = cause.getMessage();
		return (message != null) ? cause.getClass().getSimpleName() + ": " + Credentials.mask(message)
				: cause.getClass().getSimpleName();
	}

	static String format(Duration duration) {
		if (duration.compareTo(Duration.ofDays(365)) > 0 || duration.isNegative()) {
			// Beyond what a message needs in milliseconds, and toMillis() overflows for
			// the longest durations.
			return duration.toString();
		}
		long millis = duration.toMillis();
		return (millis < 1000 || millis % 1000 != 0) ? millis + "ms" : (millis / 1000) + "s";
	}

}
