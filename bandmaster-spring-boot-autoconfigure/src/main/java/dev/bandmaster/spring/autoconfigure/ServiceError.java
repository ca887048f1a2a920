package dev.bandmaster.spring.autoconfigure;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A service's error as it is shown outside the application (health details, the
 * {@code bandmaster} endpoint, the boot report, failure analyses): the exception's class
 * and its message, with every password in the message masked: in a URL's user information
 * ({@code postgres://user:secret@host} reads {@code postgres://user:******@host}), in a
 * {@code password=}, {@code passwd=} or {@code pwd=} parameter, and in an Oracle URL
 * ({@code jdbc:oracle:thin:scott/tiger@host}). Immutable.
 *
 * @param type the exception's fully qualified class name
 * @param message its message, masked; empty when it has none
 */
public record ServiceError(String type, String message) {

	// The user may be empty (redis://:password@host) or hold an '@' (Azure's
	// user@server); the password runs to the last '@' of the authority, since passwords
	// may contain one.
	private static final Pattern URL_CREDENTIALS = Pattern
		.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/?#]*):[^\\s/?#]*@");

	// In a query string, a JDBC URL's properties (;password=...) or a connection string.
	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd)=)[^&;\\s]*");

	// jdbc:oracle:thin:user/password@host
	private static final Pattern ORACLE_CREDENTIALS = Pattern.compile("(jdbc:oracle:[a-zA-Z]+:[^\\s/@:]*)/[^\\s@]*@");

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
	 * Masks every password in a text.
	 * @param text the text
	 * @return the text, each {@code scheme://user:password@} replaced by
	 * {@code scheme://user:******@}, each {@code password=value} by
	 * {@code password=******}, and each {@code jdbc:oracle:thin:user/password@} by
	 * {@code jdbc:oracle:thin:user/******@}
	 */
	public static String mask(String text) {
		String masked = URL_CREDENTIALS.matcher(text).replaceAll("$1:******@");
		masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1******");
		return ORACLE_CREDENTIALS.matcher(masked).replaceAll("$1/******@");
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
