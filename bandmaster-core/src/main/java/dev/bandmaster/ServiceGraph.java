package dev.bandmaster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, index-based view of the registered services and their edges, built in
 * O(services + edges) so that runs and validation work on arrays rather than on names.
 * Dependencies that are not registered are kept aside in {@link #missing()} and left out
 * of the edges.
 */
final class ServiceGraph {

	final Registration[] nodes;

	/** {@code dependencies[i]}: the indexes of the services node {@code i} depends on. */
	final int[][] dependencies;

	/**
	 * {@code dependents[i]}: the indexes of the services that depend on node {@code i}.
	 */
	final int[][] dependents;

	private final List<BandmasterException> missing;

	private ServiceGraph(Registration[] nodes, int[][] dependencies, int[][] dependents,
			List<BandmasterException> missing) {
		this.nodes = nodes;
		this.dependencies = dependencies;
		this.dependents = dependents;
		this.missing = missing;
	}

	static ServiceGraph of(Collection<Registration> registrations) {
		Registration[] nodes = registrations.toArray(new Registration[0]);
		Map<String, Integer> indexes = new HashMap<>(nodes.length * 2);
		for (int i = 0; i < nodes.length; i++) {
			indexes.put(nodes[i].name(), i);
		}
		List<BandmasterException> missing = new ArrayList<>();
		int[][] dependencies = new int[nodes.length][];
		int[] dependentCounts = new int[nodes.length];
		for (int i = 0; i < nodes.length; i++) {
			ServiceDefinition definition = nodes[i].definition;
			int[] edges = new int[definition.dependencies().size()];
			int count = 0;
			for (String name : definition.dependencies()) {
				Integer target = indexes.get(name);
				if (target == null) {
					missing.add(BandmasterException.missing(definition.name(), definition.required(), name));
				}
				else {
					edges[count++] = target;
					dependentCounts[target]++;
				}
			}
			dependencies[i] = (count == edges.length) ? edges : Arrays.copyOf(edges, count);
		}
		int[][] dependents = new int[nodes.length][];
		for (int i = 0; i < nodes.length; i++) {
			dependents[i] = new int[dependentCounts[i]];
			dependentCounts[i] = 0;
		}
		for (int i = 0; i < nodes.length; i++) {
			for (int target : dependencies[i]) {
				dependents[target][dependentCounts[target]++] = i;
			}
		}
		return new ServiceGraph(nodes, dependencies, dependents, List.copyOf(missing));
	}

	int size() {
		return this.nodes.length;
	}

	String name(int index) {
		return this.nodes[index].name();
	}

	/**
	 * One {@link ErrorKind#DEPENDENCY_MISSING} error per service and dependency it names
	 * that is not registered.
	 */
	List<BandmasterException> missing() {
		return this.missing;
	}

}
