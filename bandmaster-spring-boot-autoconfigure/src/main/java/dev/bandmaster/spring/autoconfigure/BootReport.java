package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The boot report logged at the end of the boot: one line per service with its
 * dependencies, attempts, start offset and duration, and outcome, as an aligned table
 * ordered by start offset. Stateless.
 */
public final class BootReport {

	private static final String[] HEADERS = { "Service", "Depends on", "Attempts", "Offset", "Duration", "Outcome" };

	private BootReport() {
	}

	/**
	 * Renders a timeline.
	 * @param timeline the boot's timeline
	 * @param took how long the whole boot took
	 * @return the report, several lines, without a trailing line break
	 */
	public static String render(BootTimeline timeline, Duration took) {
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (BootTimeline.Entry entry : inStartOrder(timeline.entries())) {
			String dependsOn = entry.dependsOn().isEmpty() ? "-" : String.join(", ", entry.dependsOn());
			rows.add(new String[] { entry.name(), dependsOn, String.valueOf(entry.attempts()), millis(entry.offset()),
					millis(entry.duration()), outcome(entry) });
		}
		int[] widths = new int[HEADERS.length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder report = new StringBuilder();
		int services = timeline.entries().size();
		report.append("BandMaster boot report: ")
			.append(services)
			.append((services == 1) ? " service in " : " services in ")
			.append(took.toMillis())
			.append(" ms")
			.append(System.lineSeparator())
			.append(System.lineSeparator());
		appendRow(report, HEADERS, widths);
		String[] rule = new String[HEADERS.length];
		for (int i = 0; i < rule.length; i++) {
			rule[i] = "-".repeat(widths[i]);
		}
		appendRow(report, rule, widths);
		for (String[] row : rows.subList(1, rows.size())) {
			appendRow(report, row, widths);
		}
		return report.toString().stripTrailing();
	}

	/**
	 * Orders the entries as the boot ran them, so that the table reads as a timeline: by
	 * start offset, services never tried last.
	 */
	private static List<BootTimeline.Entry> inStartOrder(List<BootTimeline.Entry> entries) {
		return entries.stream()
			.sorted(Comparator.comparing(BootTimeline.Entry::offset, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(BootTimeline.Entry::name))
			.toList();
	}

	private static void appendRow(StringBuilder report, String[] row, int[] widths) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < row.length; i++) {
			line.append(row[i]);
			if (i < row.length - 1) {
				line.append(" ".repeat(widths[i] - row[i].length() + 2));
			}
		}
		report.append(line.toString().stripTrailing()).append(System.lineSeparator());
	}

	private static String millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() + " ms" : "-";
	}

	private static String outcome(BootTimeline.Entry entry) {
		String outcome = entry.required() ? entry.outcome() : entry.outcome() + " (optional)";
		return (entry.error() != null && !entry.isUp()) ? outcome + ": " + entry.error() : outcome;
	}

}
