package dev.bandmaster.spring.observation;

/**
 * How an observed run, transition or attempt ended, as the {@code outcome} tag shows it:
 * the values of the {@code bandmaster.service.start} timer's {@code outcome} tag.
 */
public enum Outcome {

	/** Not ended yet. */
	UNKNOWN,

	/** Every service made its transition, or the service or attempt succeeded. */
	SUCCESS,

	/** At least one service did not, or the service or attempt failed. */
	FAILURE;

	/**
	 * Returns the outcome as a tag value.
	 * @return {@code unknown}, {@code success} or {@code failure}
	 */
	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
