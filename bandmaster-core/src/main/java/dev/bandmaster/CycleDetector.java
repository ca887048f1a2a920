package dev.bandmaster;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds dependency loops with an iterative depth-first search, O(services + edges), that
 * cannot overflow the stack on long chains. Each loop found is reported once as the path
 * that closes it; a service already on a reported loop is not reported again, so the
 * errors stay bounded by the number of services.
 */
final class CycleDetector {

	private static final byte UNVISITED = 0;

	private static final byte ON_PATH = 1;

	private static final byte DONE = 2;

	private CycleDetector() {
	}

	static List<BandmasterException> cycles(ServiceGraph graph) {
		int size = graph.size();
		byte[] marks = new byte[size];
		boolean[] reported = new boolean[size];
		int[] path = new int[size];
		int[] nextEdge = new int[size];
		int[] positionOnPath = new int[size];
		List<BandmasterException> errors = new ArrayList<>();
		for (int root = 0; root < size; root++) {
			if (marks[root] != UNVISITED) {
				continue;
			}
			int depth = 0;
			path[0] = root;
			nextEdge[0] = 0;
			marks[root] = ON_PATH;
			positionOnPath[root] = 0;
			while (depth >= 0) {
				int node = path[depth];
				int[] edges = graph.dependencies[node];
				if (nextEdge[depth] < edges.length) {
					int target = edges[nextEdge[depth]++];
					if (marks[target] == UNVISITED) {
						depth++;
						path[depth] = target;
						nextEdge[depth] = 0;
						marks[target] = ON_PATH;
						positionOnPath[target] = depth;
					}
					else if (marks[target] == ON_PATH && !reported[target]) {
						errors.add(loop(graph, path, positionOnPath[target], depth, reported));
					}
				}
				else {
					marks[node] = DONE;
					depth--;
				}
			}
		}
		return errors;
	}

	private static BandmasterException loop(ServiceGraph graph, int[] path, int from, int to, boolean[] reported) {
		List<String> names = new ArrayList<>(to - from + 2);
		for (int i = from; i <= to; i++) {
			names.add(graph.name(path[i]));
			reported[path[i]] = true;
		}
		names.add(graph.name(path[from]));
		Registration first = graph.nodes[path[from]];
		return BandmasterException.circular(first.name(), first.definition.required(), names);
	}

}
