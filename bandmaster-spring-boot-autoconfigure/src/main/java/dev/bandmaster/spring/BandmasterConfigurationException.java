package dev.bandmaster.spring;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the band services are misconfigured: a property or annotation value out of
 * range, a name under {@code bandmaster.services} that no band service has, a
 * {@link BandService @BandService} bean that is not a {@link dev.bandmaster.Service}. It
 * fails the application context's startup before any service is started, and a failure
 * analyzer reports its description and action.
 * <p>
 * Immutable.
 */
public class BandmasterConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String description;

	private final String action;

	/**
	 * Creates an exception.
	 * @param description what is wrong, naming the exact property key, bean or attribute
	 * @param action what to do about it
	 */
	public BandmasterConfigurationException(String description, String action) {
		this(description, action, null);
	}

	/**
	 * Creates an exception with the error that revealed the problem.
	 * @param description what is wrong, naming the exact property key, bean or attribute
	 * @param action what to do about it
	 * @param cause the error that revealed it, or {@code null}
	 */
	public BandmasterConfigurationException(String description, String action, @Nullable Throwable cause) {
		super(description, cause);
		this.description = description;
		this.action = action;
	}

	/**
	 * Returns what is wrong.
	 * @return the description, naming the exact property key, bean or attribute
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Returns what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
