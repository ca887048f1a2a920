package dev.bandmaster.benchmarks.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Writes results as CSV (for spreadsheets) and JSON (for scripts), with the JVM they were
 * measured on.
 */
final class ResultFiles {

	private static final String CSV_HEADER = "workload,contender,services,critical_path_ms,runs,setup_ms,start_ms,start_cpu_ms,"
			+ "start_over_critical_path,stop_ms,peak_threads,heap_bytes_per_service,java_version,skipped";

	private ResultFiles() {
	}

	/**
	 * Writes {@code <name>.csv} and {@code <name>.json}.
	 * @param directory created if missing
	 * @param name the files' base name
	 * @param results the results
	 * @return the two files
	 * @throws IOException if they cannot be written
	 */
	static List<Path> write(Path directory, String name, List<ContenderResult> results) throws IOException {
		Files.createDirectories(directory);
		Path csv = directory.resolve(name + ".csv");
		Path json = directory.resolve(name + ".json");
		Files.writeString(csv, csv(results), StandardCharsets.UTF_8);
		Files.writeString(json, json(results), StandardCharsets.UTF_8);
		return List.of(csv, json);
	}

	static String csv(List<ContenderResult> results) {
		StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
		String java = javaVersion();
		for (ContenderResult r : results) {
			csv.append(String.join(",", r.workload(), r.contender(), Integer.toString(r.services()),
					Long.toString(r.criticalPathMillis()), Integer.toString(r.runs()), number(r.setupMillis()),
					number(r.startMillis()), number(r.startCpuMillis()), number(r.startOverCriticalPath()),
					number(r.stopMillis()), Integer.toString(r.peakThreads()), Long.toString(r.heapBytesPerService()),
					java, (r.skipped() != null) ? '"' + r.skipped().replace("\"", "\"\"") + '"' : ""));
			csv.append('\n');
		}
		return csv.toString();
	}

	static String json(List<ContenderResult> results) {
		StringBuilder json = new StringBuilder("{\n  \"java\": ").append(string(javaVersion()))
			.append(",\n  \"processors\": ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(",\n  \"results\": [");
		for (int i = 0; i < results.size(); i++) {
			ContenderResult r = results.get(i);
			json.append((i == 0) ? "\n" : ",\n")
				.append("    {\"workload\": ")
				.append(string(r.workload()))
				.append(", \"contender\": ")
				.append(string(r.contender()))
				.append(", \"services\": ")
				.append(r.services())
				.append(", \"criticalPathMs\": ")
				.append(r.criticalPathMillis())
				.append(", \"runs\": ")
				.append(r.runs())
				.append(", \"setupMs\": ")
				.append(jsonNumber(r.setupMillis()))
				.append(", \"startMs\": ")
				.append(jsonNumber(r.startMillis()))
				.append(", \"startCpuMs\": ")
				.append(jsonNumber(r.startCpuMillis()))
				.append(", \"startOverCriticalPath\": ")
				.append(jsonNumber(r.startOverCriticalPath()))
				.append(", \"stopMs\": ")
				.append(jsonNumber(r.stopMillis()))
				.append(", \"peakThreads\": ")
				.append(r.peakThreads())
				.append(", \"heapBytesPerService\": ")
				.append(r.heapBytesPerService())
				.append(", \"skipped\": ")
				.append(string(r.skipped()))
				.append('}');
		}
		return json.append("\n  ]\n}\n").toString();
	}

	private static String javaVersion() {
		return System.getProperty("java.version");
	}

	private static String number(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
	}

	private static String jsonNumber(double value) {
		return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
	}

	private static String string(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
