package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The boot report logged at the end of the boot: one line per service with its
 * dependencies, attempts, start offset and duration, and outcome, as an aligned table
 * ordered by start offset, after the boot's {@linkplain BootTimeline#criticalPath()
 * critical path}, whose services the table marks with {@value #CRITICAL_MARK}. Stateless.
 */
public final class BootReport {

	private static final String[] HEADERS = { "Service", "Depends on", "Attempts", "Offset", "Duration", "Outcome" };

	private static final String CRITICAL_MARK = "*";

	private BootReport() {
	}

	/**
	 * Renders a timeline.
	 * @param timeline the boot's timeline
	 * @param took how long the whole boot took
	 * @return the report, several lines, without a trailing line break
	 */
	public static String render(BootTimeline timeline, Duration took) {
		List<BootTimeline.Entry> criticalPath = timeline.criticalPath();
		List<String[]> rows = new ArrayList<>();
		rows.add(HEADERS);
		for (BootTimeline.Entry entry : inStartOrder(timeline.entries())) {
			String dependsOn = entry.dependsOn().isEmpty() ? "-" : String.join(", ", entry.dependsOn());
			String service = criticalPath.contains(entry) ? entry.name() + " " + CRITICAL_MARK : entry.name();
			rows.add(new String[] { service, dependsOn, String.valueOf(entry.attempts()), millis(entry.offset()),
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
			.append(System.lineSeparator());
		if (!criticalPath.isEmpty()) {
			BootTimeline.Entry last = criticalPath.get(criticalPath.size() - 1);
			report.append("Critical path (" + CRITICAL_MARK + "): ")
				.append(String.join(" -> ", criticalPath.stream().map(BootTimeline.Entry::name).toList()))
				.append(", done at ")
				.append(millis(last.end()))
				.append(System.lineSeparator());
		}
		report.append(System.lineSeparator());
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
