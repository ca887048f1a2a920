package dev.bandmaster;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Masks the passwords that error messages commonly carry: in a URL's user information
 * ({@code postgres://user:secret@host} reads {@code postgres://user:******@host}, also
 * when the user is empty or holds an {@code @}, as Azure's {@code user@server} does), in
 * a {@code password=}, {@code passwd=} or {@code pwd=} parameter (any case; a query
 * string, a JDBC URL's {@code ;password=} property, a connection string), and in an
 * Oracle URL ({@code jdbc:oracle:thin:scott/tiger@host} reads
 * {@code jdbc:oracle:thin:scott/******@host}).
 * <p>
 * {@link #mask(String)} is the default {@linkplain Maestro.Builder#sanitizer sanitizer}
 * of every line the engine logs, and the one rule BandMaster applies wherever it shows an
 * error. Thread-safe: it holds no state.
 */
public final class Credentials {

	// The user may be empty (redis://:password@host) or hold an '@' (Azure's
	// user@server); the password runs to the last '@' of the authority, since passwords
	// may contain one.
	private static final Pattern URL_CREDENTIALS = Pattern
		.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/?#]*):[^\\s/?#]*@");

	// In a query string, a JDBC URL's properties (;password=...) or a connection string.
	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|passwd|pwd)=)[^&;\\s]*");

	// jdbc:oracle:thin:user/password@host
	private static final Pattern ORACLE_CREDENTIALS = Pattern.compile("(jdbc:oracle:[a-zA-Z]+:[^\\s/@:]*)/[^\\s@]*@");

	private Credentials() {
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
		Objects.requireNonNull(text, "text must not be null");
		String masked = URL_CREDENTIALS.matcher(text).replaceAll("$1:******@");
		masked = PASSWORD_PARAMETER.matcher(masked).replaceAll("$1******");
		return ORACLE_CREDENTIALS.matcher(masked).replaceAll("$1/******@");
	}

}
