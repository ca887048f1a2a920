package dev.bandmaster.spring.observation;

import java.io.Serial;

import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * A service's error as an observation records it ({@code Observation.error}), for tracers
 * and meter handlers: the original's class name and message, every password in it masked,
 * and its stack frames, without its cause, whose messages could hold passwords.
 * Immutable.
 */
public final class MaskedServiceError extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final ServiceError error;

	MaskedServiceError(Throwable error) {
		this(ServiceError.of(error), error.getStackTrace());
	}

	private MaskedServiceError(ServiceError error, StackTraceElement[] stackTrace) {
		super(error.type() + (error.message().isEmpty() ? "" : ": " + error.message()), null, false, true);
		this.error = error;
		setStackTrace(stackTrace);
	}

	/**
	 * Returns the error it stands for.
	 * @return the original's class name and masked message
	 */
	public ServiceError getError() {
		return this.error;
	}

}
