package dev.bandmaster.benchmarks.runner;

import java.util.List;
import java.util.Locale;

/**
 * Formats results as a fixed-width text table, one line per workload and contender.
 */
final class ResultTable {

	private static final String ROW = "%-18s %-26s %8s %7s %9s %9s %9s %8s %8s %8s %10s%n";

	private ResultTable() {
	}

	static String format(List<ContenderResult> results) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT, ROW, "workload", "contender", "services", "cp ms", "setup ms",
				"start ms", "start cpu", "start/cp", "stop ms", "threads", "heap B/svc"));
		for (ContenderResult result : results) {
			if (result.skipped() != null) {
				table.append(String.format(Locale.ROOT, "%-18s %-26s %8d %7d   skipped: %s%n", result.workload(),
						result.contender(), result.services(), result.criticalPathMillis(), result.skipped()));
				continue;
			}
			table.append(String.format(Locale.ROOT, ROW, result.workload(), result.contender(), result.services(),
					result.criticalPathMillis(), millis(result.setupMillis()), millis(result.startMillis()),
					millis(result.startCpuMillis()), ratio(result.startOverCriticalPath()), millis(result.stopMillis()),
					result.peakThreads(), result.heapBytesPerService()));
		}
		return table.toString();
	}

	static String millis(double millis) {
		return String.format(Locale.ROOT, (millis < 100) ? "%.2f" : "%.0f", millis);
	}

	static String ratio(double ratio) {
		return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.3f", ratio);
	}

}
