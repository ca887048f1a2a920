package dev.bandmaster.spring.diagnostics;

import org.jspecify.annotations.Nullable;

import dev.bandmaster.Credentials;

/**
 * A service's error as it is shown outside the application (health details, the
 * {@code bandmaster} endpoint, the boot report, failure analyses): the exception's class
 * and its message, with every password in the message masked by
 * {@link Credentials#mask(String)}: in a URL's user information
 * ({@code postgres://user:secret@host} reads {@code postgres://user:******@host}), in a
 * {@code password=}, {@code passwd=} or {@code pwd=} parameter, and in an Oracle URL
 * ({@code jdbc:oracle:thin:scott/tiger@host}). Immutable.
 *
 * @param type the exception's fully qualified class name
 * @param message its message, masked; empty when it has none
 */
public record ServiceError(String type, String message) {

	/**
	 * Describes an error.
	 * @param error the error, or {@code null}
	 * @return its description, or {@code null} when {@code error} is
	 */
	public static @Nullable ServiceError of(@Nullable Throwable error) {
		if (error == null) {
			return null;
		}
		String message = error.getMessage();
		return new ServiceError(error.getClass().getName(), (message != null) ? mask(message) : "");
	}

	/**
	 * Masks every password in a text, as {@link Credentials#mask(String)} does: the one
	 * rule for the engine's logs and everything the starter shows.
	 * @param text the text
	 * @return the text, its passwords masked
	 */
	public static String mask(String text) {
		return Credentials.mask(text);
	}

	/**
	 * Returns the simple class name and the message, as a log line shows it.
	 * @return {@code SimpleName: message}, or the simple name alone when there is no
	 * message
	 */
	@Override
	public String toString() {
		String simpleName = this.type.substring(this.type.lastIndexOf('.') + 1);
		return this.message.isEmpty() ? simpleName : simpleName + ": " + this.message;
	}

}
