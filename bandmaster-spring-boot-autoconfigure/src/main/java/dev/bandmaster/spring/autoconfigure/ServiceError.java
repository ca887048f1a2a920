package dev.bandmaster.spring.autoconfigure;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A service's error as it is shown outside the application (health details, the
 * {@code bandmaster} endpoint, the boot report, failure analyses): the exception's class
 * and its message, with the password of every URL in the message masked, so that
 * {@code postgres://user:secret@host} reads {@code postgres://user:******@host}.
 * Immutable.
 *
 * @param type the exception's fully qualified class name
 * @param message its message, masked; empty when it has none
 */
public record ServiceError(String type, String message) {

	// The user may be empty (redis://:password@host); the password runs to the last '@'
	// of the authority, since
	// passwords may contain one.
	private static final Pattern URL_CREDENTIALS = Pattern
		.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/?#@]*):[^\\s/?#]*@");

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
	 * Masks the password of every URL in a text.
	 * @param text the text
	 * @return the text, each {@code scheme://user:password@} replaced by
	 * {@code scheme://user:******@}
	 */
	public static String mask(String text) {
		return URL_CREDENTIALS.matcher(text).replaceAll("$1:******@");
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
