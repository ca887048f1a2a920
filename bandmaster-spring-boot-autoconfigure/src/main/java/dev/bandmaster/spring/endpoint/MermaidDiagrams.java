package dev.bandmaster.spring.endpoint;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.bandmaster.spring.lifecycle.BootTimeline;

/**
 * Draws a boot as Mermaid diagrams: the dependency graph as a flowchart, and the boot
 * itself as a Gantt chart. Stateless.
 */
final class MermaidDiagrams {

	private MermaidDiagrams() {
	}

	/**
	 * Draws the dependency graph, top down: each dependency above the services that
	 * depend on it, each service coloured by its state.
	 * @param timeline the boot
	 * @return a {@code graph TD} diagram
	 */
	static String graph(BootTimeline timeline) {
		List<BootTimeline.Entry> entries = timeline.entries();
		Map<String, String> ids = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			ids.put(entries.get(i).name(), "s" + i);
		}
		StringBuilder diagram = new StringBuilder("graph TD\n");
		for (BootTimeline.Entry entry : entries) {
			String label = entry.required() ? entry.name() : entry.name() + " (optional)";
			diagram.append("    ")
				.append(ids.get(entry.name()))
				.append("[\"")
				.append(escape(label))
				.append("\"]:::")
				.append(styleClass(entry))
				.append('\n');
		}
		for (BootTimeline.Entry entry : entries) {
			for (String dependency : entry.dependsOn()) {
				String from = ids.get(dependency);
				if (from != null) {
					diagram.append("    ").append(from).append(" --> ").append(ids.get(entry.name())).append('\n');
				}
			}
		}
		diagram.append("    classDef up fill:#d4edda,stroke:#28a745\n");
		diagram.append("    classDef down fill:#f8d7da,stroke:#dc3545\n");
		diagram.append("    classDef pending fill:#fff3cd,stroke:#ffc107\n");
		return diagram.toString();
	}

	/**
	 * Draws the boot: one bar per service that was tried, from its start offset for its
	 * duration, in milliseconds from the beginning of the boot. The services on the
	 * boot's {@linkplain BootTimeline#criticalPath() critical path} come first, in a
	 * section of their own, in the order they started; the others follow.
	 * @param timeline the boot
	 * @return a {@code gantt} diagram
	 */
	static String timeline(BootTimeline timeline) {
		StringBuilder diagram = new StringBuilder("gantt\n");
		diagram.append("    title BandMaster boot\n");
		diagram.append("    dateFormat x\n");
		diagram.append("    axisFormat %S.%L s\n");
		List<BootTimeline.Entry> criticalPath = timeline.criticalPath();
		if (criticalPath.isEmpty()) {
			appendSection(diagram, "Services", timeline.entries());
		}
		else {
			appendSection(diagram, "Critical path", criticalPath);
			appendSection(diagram, "Other services",
					timeline.entries().stream().filter((entry) -> !criticalPath.contains(entry)).toList());
		}
		return diagram.toString();
	}

	private static void appendSection(StringBuilder diagram, String title, List<BootTimeline.Entry> entries) {
		diagram.append("    section ").append(title).append('\n');
		for (BootTimeline.Entry entry : entries) {
			Duration offset = entry.offset();
			if (offset == null) {
				continue;
			}
			long start = offset.toMillis();
			Duration duration = entry.duration();
			// A bar needs a width to be seen: a start quicker than a millisecond is drawn
			// as one.
			long end = start + Math.max(1, (duration != null) ? duration.toMillis() : 1);
			diagram.append("    ")
				.append(entry.name().replaceAll("[:;#]", "_"))
				.append(" : ")
				.append(taskStatus(entry))
				.append(start)
				.append(", ")
				.append(end)
				.append('\n');
		}
	}

	private static String styleClass(BootTimeline.Entry entry) {
		if (entry.isUp()) {
			return "up";
		}
		return switch (entry.state()) {
			case FAILED -> "down";
			default -> "pending";
		};
	}

	private static String taskStatus(BootTimeline.Entry entry) {
		return switch (entry.state()) {
			case STARTED -> "done, ";
			case FAILED -> "crit, ";
			case STARTING -> "active, ";
			default -> "";
		};
	}

	private static String escape(String label) {
		return label.replace("\"", "#quot;");
	}

}
