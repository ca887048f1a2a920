package dev.bandmaster.benchmarks.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the workload format: one service per line,
 * {@code name startMillis dep1 dep2 ...}, separated by spaces or tabs. Blank lines and
 * lines starting with {@code #} are skipped. Dependencies may be declared before or after
 * the services that name them.
 * <p>
 * Every error names its line number and what is wrong, so a hand-edited file can be fixed
 * from the message alone.
 */
public final class WorkloadParser {

	private WorkloadParser() {
	}

	/**
	 * Reads a workload file, naming it after the file without its extension.
	 * @param file the file
	 * @return the workload
	 * @throws IOException if the file cannot be read
	 * @throws WorkloadException if it is not a valid workload
	 */
	public static Workload parse(Path file) throws IOException {
		String fileName = file.getFileName().toString();
		String name = fileName.endsWith(".txt") ? fileName.substring(0, fileName.length() - 4) : fileName;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return parse(name, reader);
		}
	}

	/**
	 * Reads a workload.
	 * @param name the workload's name
	 * @param reader its text
	 * @return the workload
	 * @throws IOException if the text cannot be read
	 * @throws WorkloadException if it is not a valid workload
	 */
	public static Workload parse(String name, Reader reader) throws IOException {
		List<ServiceSpec> services = new ArrayList<>();
		Map<String, Integer> declaredOn = new HashMap<>();
		List<Integer> lineNumbers = new ArrayList<>();
		BufferedReader lines = (reader instanceof BufferedReader buffered) ? buffered : new BufferedReader(reader);
		int lineNumber = 0;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			lineNumber++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			ServiceSpec spec = parseLine(trimmed, lineNumber);
			Integer first = declaredOn.putIfAbsent(spec.name(), lineNumber);
			if (first != null) {
				throw error(lineNumber, "service '" + spec.name() + "' is already declared on line " + first);
			}
			services.add(spec);
			lineNumbers.add(lineNumber);
		}
		// Unknown names are checked once every line is read, since a dependency may be
		// declared further down.
		for (int i = 0; i < services.size(); i++) {
			for (String dependency : services.get(i).dependencies()) {
				if (!declaredOn.containsKey(dependency)) {
					throw error(lineNumbers.get(i),
							"service '" + services.get(i).name() + "' depends on unknown service '" + dependency + "'");
				}
			}
		}
		return new Workload(name, services);
	}

	private static ServiceSpec parseLine(String line, int lineNumber) {
		String[] fields = line.split("\\s+");
		if (fields.length < 2) {
			throw error(lineNumber, "expected 'name startMillis [dependency ...]' but found only '" + line + "'");
		}
		String name = fields[0];
		int startMillis;
		try {
			startMillis = Integer.parseInt(fields[1]);
		}
		catch (NumberFormatException ex) {
			throw error(lineNumber, "startMillis of '" + name + "' must be a whole number of milliseconds, but was '"
					+ fields[1] + "'");
		}
		if (startMillis < 0) {
			throw error(lineNumber, "startMillis of '" + name + "' must not be negative, but was " + startMillis);
		}
		Set<String> dependencies = new LinkedHashSet<>();
		Set<String> seen = new HashSet<>();
		for (int i = 2; i < fields.length; i++) {
			String dependency = fields[i];
			if (dependency.equals(name)) {
				throw error(lineNumber, "service '" + name + "' depends on itself");
			}
			if (!seen.add(dependency)) {
				throw error(lineNumber, "service '" + name + "' names dependency '" + dependency + "' twice");
			}
			dependencies.add(dependency);
		}
		return new ServiceSpec(name, startMillis, List.copyOf(dependencies));
	}

	private static WorkloadException error(int lineNumber, String what) {
		return new WorkloadException("Line " + lineNumber + ": " + what);
	}

}
