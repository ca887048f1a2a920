package dev.bandmaster.benchmarks.runner;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Medians of measurements: robust against the one run a neighbour's load or a GC slowed
 * down.
 */
final class Medians {

	private Medians() {
	}

	/**
	 * Returns the median of one value of the measurements; the mean of the two middle
	 * ones for an even count.
	 * @param measurements at least one
	 * @param value the value
	 * @return the median
	 */
	static double of(List<Measurement> measurements, ToLongFunction<Measurement> value) {
		long[] values = measurements.stream().mapToLong(value).toArray();
		Arrays.sort(values);
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
	}

}
