package dev.bandmaster.benchmarks.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Kahn's algorithm over index arrays: iterative, so a 100,000-long chain cannot overflow
 * the stack.
 */
final class TopologicalOrder {

	private TopologicalOrder() {
	}

	/**
	 * Orders the nodes so that each comes after all of its dependencies.
	 * @param dependencies {@code dependencies[i]}: the nodes node {@code i} depends on
	 * @param names names the nodes in the error message
	 * @return the nodes in topological order
	 * @throws WorkloadException when the graph has a loop, naming a service on it
	 */
	static int[] of(int[][] dependencies, IntFunction<String> names) {
		int size = dependencies.length;
		int[] waiting = new int[size];
		int[] dependentCounts = new int[size];
		for (int i = 0; i < size; i++) {
			waiting[i] = dependencies[i].length;
			for (int target : dependencies[i]) {
				dependentCounts[target]++;
			}
		}
		int[][] dependents = new int[size][];
		for (int i = 0; i < size; i++) {
			dependents[i] = new int[dependentCounts[i]];
			dependentCounts[i] = 0;
		}
		for (int i = 0; i < size; i++) {
			for (int target : dependencies[i]) {
				dependents[target][dependentCounts[target]++] = i;
			}
		}
		int[] order = new int[size];
		int head = 0;
		int tail = 0;
		for (int i = 0; i < size; i++) {
			if (waiting[i] == 0) {
				order[tail++] = i;
			}
		}
		while (head < tail) {
			int node = order[head++];
			for (int dependent : dependents[node]) {
				if (--waiting[dependent] == 0) {
					order[tail++] = dependent;
				}
			}
		}
		if (tail < size) {
			List<String> stuck = new ArrayList<>();
			for (int i = 0; i < size && stuck.size() < 5; i++) {
				if (waiting[i] > 0) {
					stuck.add(names.apply(i));
				}
			}
			Collections.sort(stuck);
			throw new WorkloadException("The dependencies form a loop; " + (size - tail)
					+ " services are on it or behind it, such as " + stuck);
		}
		return order;
	}

}
