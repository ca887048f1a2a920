package dev.bandmaster;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Every line the engine logs, all under the {@code dev.bandmaster.Maestro} category, each
 * passed whole through the maestro's {@linkplain Maestro.Builder#sanitizer sanitizer}
 * before it is written: a service's error message may hold a password, and a user who
 * sees it masked in reports must be able to count on the logs being masked too. A
 * throwable logged with a line is written as a copy whose messages (its own, its causes'
 * and suppressed ones') are sanitized, with the original class names and stack traces.
 * <p>
 * A sanitizer that throws or returns {@code null} is replaced, for that line, by
 * {@link Credentials#mask(String)}: a line is never written unsanitized. Thread-safe when
 * the sanitizer is.
 */
final class EngineLog {

	private static final Logger logger = LoggerFactory.getLogger(Maestro.class);

	private final UnaryOperator<String> sanitizer;

	EngineLog(UnaryOperator<String> sanitizer) {
		this.sanitizer = sanitizer;
	}

	void debug(String format, @Nullable Object... arguments) {
		if (logger.isDebugEnabled()) {
			FormattingTuple line = MessageFormatter.arrayFormat(format, arguments);
			logger.debug(sanitize(line.getMessage()), sanitize(line.getThrowable()));
		}
	}

	void info(String format, @Nullable Object... arguments) {
		if (logger.isInfoEnabled()) {
			FormattingTuple line = MessageFormatter.arrayFormat(format, arguments);
			logger.info(sanitize(line.getMessage()), sanitize(line.getThrowable()));
		}
	}

	void warn(String format, @Nullable Object... arguments) {
		if (logger.isWarnEnabled()) {
			FormattingTuple line = MessageFormatter.arrayFormat(format, arguments);
			logger.warn(sanitize(line.getMessage()), sanitize(line.getThrowable()));
		}
	}

	/**
	 * Sanitizes one text.
	 * @param text any text
	 * @return the sanitizer's result, or {@link Credentials#mask(String)}'s when the
	 * sanitizer fails
	 */
	String sanitize(String text) {
		try {
			String sanitized = this.sanitizer.apply(text);
			if (sanitized != null) {
				return sanitized;
			}
		}
		catch (RuntimeException ex) {
			// Fall through to the default: a failing sanitizer must not let the text out.
		}
		return Credentials.mask(text);
	}

	private @Nullable Throwable sanitize(@Nullable Throwable error) {
		return (error != null) ? copy(error, new IdentityHashMap<>()) : null;
	}

	private Throwable copy(Throwable error, Map<Throwable, Throwable> copies) {
		Throwable done = copies.get(error);
		if (done != null) {
			return done;
		}
		String message = error.getMessage();
		Sanitized copy = new Sanitized(error.getClass().getName(), (message != null) ? sanitize(message) : null);
		copies.put(error, copy);
		copy.setStackTrace(error.getStackTrace());
		Throwable cause = error.getCause();
		if (cause != null) {
			copy.initCause(copy(cause, copies));
		}
		for (Throwable suppressed : error.getSuppressed()) {
			copy.addSuppressed(copy(suppressed, copies));
		}
		return copy;
	}

	/**
	 * A throwable as a log shows it, its message sanitized: {@link #toString()}, which
	 * stack traces print, names the original class.
	 */
	private static final class Sanitized extends Throwable {

		private static final long serialVersionUID = 1L;

		private final String type;

		Sanitized(String type, @Nullable String message) {
			super(message);
			this.type = type;
		}

		@Override
		public String toString() {
			String message = getMessage();
			return (message != null) ? this.type + ": " + message : this.type;
		}

	}

}
