package dev.bandmaster.benchmarks.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named set of services forming a dependency graph with no loop and no unknown
 * dependency, and what follows from its shape: the topological level of each service and
 * the critical path. Immutable; the derived values are computed once, in O(services +
 * edges), when the workload is made.
 */
public final class Workload {

	private final String name;

	private final List<ServiceSpec> services;

	/**
	 * {@code dependencies[i]}: indexes of the services that service {@code i} depends on.
	 */
	private final int[][] dependencies;

	/** Services in an order where each comes after all of its dependencies. */
	private final int[] topologicalOrder;

	private final int[] levels;

	private final long criticalPathMillis;

	/**
	 * Makes a workload, checking its graph.
	 * @param name a name for reports, such as the file's base name
	 * @param services the services, in declaration order
	 * @throws WorkloadException for a duplicate name, an unknown dependency or a loop
	 */
	public Workload(String name, List<ServiceSpec> services) {
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.services = List.copyOf(services);
		Map<String, Integer> indexes = new HashMap<>(this.services.size() * 2);
		for (int i = 0; i < this.services.size(); i++) {
			if (indexes.putIfAbsent(this.services.get(i).name(), i) != null) {
				throw new WorkloadException("Duplicate service '" + this.services.get(i).name() + "'");
			}
		}
		this.dependencies = new int[this.services.size()][];
		for (int i = 0; i < this.services.size(); i++) {
			ServiceSpec spec = this.services.get(i);
			int[] edges = new int[spec.dependencies().size()];
			for (int e = 0; e < edges.length; e++) {
				Integer target = indexes.get(spec.dependencies().get(e));
				if (target == null) {
					throw new WorkloadException("Service '" + spec.name() + "' depends on unknown service '"
							+ spec.dependencies().get(e) + "'");
				}
				edges[e] = target;
			}
			this.dependencies[i] = edges;
		}
		this.topologicalOrder = TopologicalOrder.of(this.dependencies, (i) -> this.services.get(i).name());
		this.levels = new int[this.services.size()];
		long[] finish = new long[this.services.size()];
		long longest = 0;
		for (int node : this.topologicalOrder) {
			int level = 0;
			long ready = 0;
			for (int dependency : this.dependencies[node]) {
				level = Math.max(level, this.levels[dependency] + 1);
				ready = Math.max(ready, finish[dependency]);
			}
			this.levels[node] = level;
			finish[node] = ready + this.services.get(node).startMillis();
			longest = Math.max(longest, finish[node]);
		}
		this.criticalPathMillis = longest;
	}

	/**
	 * Returns the workload's name.
	 * @return its name, for reports
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Returns the services in declaration order.
	 * @return an unmodifiable list
	 */
	public List<ServiceSpec> services() {
		return this.services;
	}

	/**
	 * Returns how many services there are.
	 * @return the number of services
	 */
	public int size() {
		return this.services.size();
	}

	/**
	 * Returns the longest sum of start times along a chain of dependencies: no scheduler
	 * can start the whole graph faster.
	 * @return the critical path in milliseconds
	 */
	public long criticalPathMillis() {
		return this.criticalPathMillis;
	}

	/**
	 * Returns the sum of all start times: how long starting the services one after the
	 * other takes at least.
	 * @return the total in milliseconds
	 */
	public long totalStartMillis() {
		long total = 0;
		for (ServiceSpec spec : this.services) {
			total += spec.startMillis();
		}
		return total;
	}

	/**
	 * Returns the topological level of a service: 0 without dependencies, else one more
	 * than its deepest dependency.
	 * @param index the service's index in {@link #services()}
	 * @return its level
	 */
	public int level(int index) {
		return this.levels[index];
	}

	/**
	 * Returns the number of topological levels.
	 * @return the deepest level plus one, 0 for an empty workload
	 */
	public int levelCount() {
		int deepest = -1;
		for (int level : this.levels) {
			deepest = Math.max(deepest, level);
		}
		return deepest + 1;
	}

	/**
	 * Tells whether some service has a dependency.
	 * @return {@code true} when the graph has at least one edge
	 */
	public boolean hasDependencies() {
		for (int[] edges : this.dependencies) {
			if (edges.length > 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the services in an order where each comes after all of its dependencies.
	 * @return the specs in topological order
	 */
	public List<ServiceSpec> inTopologicalOrder() {
		List<ServiceSpec> ordered = new ArrayList<>(this.services.size());
		for (int node : this.topologicalOrder) {
			ordered.add(this.services.get(node));
		}
		return ordered;
	}

	@Override
	public String toString() {
		return this.name + " (" + size() + " services, critical path " + this.criticalPathMillis + " ms)";
	}

}
