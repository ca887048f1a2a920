package dev.bandmaster.benchmarks.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the reference workload shapes without any file, so the module stands alone. A
 * spec is the reference file's name: {@code chain-1000}, {@code wide-10000},
 * {@code layered-100000}, {@code sleepy-200}, {@code sleepy-mixed-300},
 * {@code sleepy-wide-2000}, with any size.
 * <p>
 * The shapes are those of the shared reference files: layers of services named
 * {@code s<layer>_<index>}, each depending on distinct services of the layer just before
 * it (3 for {@code layered}, 2 for the sleepy layered shapes). Random picks come from a
 * generator seeded with the spec itself, so one spec always yields the same workload on
 * every machine and JDK; the picks differ from the reference files', whose generator is
 * not known, but the sizes, layer counts, fan-in and start-time distributions are the
 * same.
 */
public final class WorkloadGenerator {

	private static final Pattern SPEC = Pattern.compile("(chain|wide|layered|sleepy|sleepy-mixed|sleepy-wide)-(\\d+)");

	/** Layer width and count of the reference {@code layered} files, by size. */
	private static final Map<Integer, int[]> REFERENCE_LAYERS = Map.of(80, new int[] { 10, 8 }, 240,
			new int[] { 20, 12 }, 1000, new int[] { 50, 20 }, 10_000, new int[] { 100, 100 }, 100_000,
			new int[] { 1000, 100 });

	private WorkloadGenerator() {
	}

	/**
	 * Tells whether a string is a generator spec.
	 * @param spec the string
	 * @return {@code true} if {@link #generate(String)} accepts it
	 */
	public static boolean isSpec(String spec) {
		return SPEC.matcher(spec).matches();
	}

	/**
	 * Generates the workload a spec names.
	 * @param spec such as {@code layered-1000}
	 * @return the workload, named after the spec
	 * @throws WorkloadException for an unknown spec
	 */
	public static Workload generate(String spec) {
		Matcher matcher = SPEC.matcher(spec);
		if (!matcher.matches()) {
			throw new WorkloadException("Unknown workload spec '" + spec + "': expected chain-N, wide-N, layered-N, "
					+ "sleepy-N, sleepy-mixed-N or sleepy-wide-N");
		}
		int size;
		try {
			size = Integer.parseInt(matcher.group(2));
		}
		catch (NumberFormatException ex) {
			throw new WorkloadException("Workload spec '" + spec + "': size is too large");
		}
		SplittableRandom random = new SplittableRandom(spec.hashCode());
		List<ServiceSpec> services = switch (matcher.group(1)) {
			case "chain" -> chain(size);
			case "wide" -> wide(size, 0);
			case "sleepy-wide" -> wide(size, 50);
			case "layered" -> {
				int[] shape = REFERENCE_LAYERS.getOrDefault(size, defaultLayers(size));
				yield layered(size, shape[0], 3, random, (r) -> 0);
			}
			case "sleepy" -> layered(size, 20, 2, random, (r) -> 20);
			case "sleepy-mixed" -> layered(size, 30, 2, random, (r) -> r.nextInt(5, 101));
			default -> throw new IllegalStateException("Unhandled shape " + matcher.group(1));
		};
		return new Workload(spec, services);
	}

	/**
	 * About as many layers as services per layer, at most 100: the proportions of the
	 * larger reference files.
	 */
	private static int[] defaultLayers(int size) {
		int layers = (int) Math.max(1, Math.min(100, Math.round(Math.sqrt(size))));
		return new int[] { Math.max(1, (size + layers - 1) / layers), layers };
	}

	private static List<ServiceSpec> chain(int size) {
		List<ServiceSpec> services = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			services.add(new ServiceSpec("s" + i, 0, (i == 0) ? List.of() : List.of("s" + (i - 1))));
		}
		return services;
	}

	private static List<ServiceSpec> wide(int size, int startMillis) {
		List<ServiceSpec> services = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			services.add(new ServiceSpec("s" + i, startMillis, List.of()));
		}
		return services;
	}

	/**
	 * Layers of {@code width} services (the last one possibly shorter), each service
	 * depending on {@code fanIn} distinct services of the previous layer, listed in index
	 * order as in the reference files.
	 */
	private static List<ServiceSpec> layered(int size, int width, int fanIn, SplittableRandom random,
			StartTimes startTimes) {
		List<ServiceSpec> services = new ArrayList<>(size);
		int previousWidth = 0;
		for (int layer = 0; services.size() < size; layer++) {
			int layerWidth = Math.min(width, size - services.size());
			for (int index = 0; index < layerWidth; index++) {
				int startMillis = startTimes.next(random);
				List<String> dependencies = new ArrayList<>(fanIn);
				for (int picked : pick(Math.min(fanIn, previousWidth), previousWidth, random)) {
					dependencies.add("s" + (layer - 1) + "_" + picked);
				}
				services.add(new ServiceSpec("s" + layer + "_" + index, startMillis, dependencies));
			}
			previousWidth = layerWidth;
		}
		return services;
	}

	/**
	 * {@code count} distinct indexes below {@code bound}, in ascending order (Floyd's
	 * algorithm).
	 */
	private static int[] pick(int count, int bound, SplittableRandom random) {
		int[] picked = new int[count];
		int found = 0;
		for (int candidateBound = bound - count; candidateBound < bound; candidateBound++) {
			int candidate = random.nextInt(candidateBound + 1);
			boolean taken = false;
			for (int i = 0; i < found; i++) {
				taken |= picked[i] == candidate;
			}
			picked[found++] = taken ? candidateBound : candidate;
		}
		Arrays.sort(picked);
		return picked;
	}

	/** Draws one service's start time. */
	@FunctionalInterface
	private interface StartTimes {

		int next(SplittableRandom random);

	}

}
