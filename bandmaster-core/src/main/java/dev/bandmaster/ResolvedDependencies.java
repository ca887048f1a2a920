package dev.bandmaster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Dependencies} handed to one service's start: its direct dependencies, looked
 * up once.
 */
final class ResolvedDependencies implements Dependencies {

	private final String serviceName;

	private final Map<String, Service> services;

	private ResolvedDependencies(String serviceName, Map<String, Service> services) {
		this.serviceName = serviceName;
		this.services = Collections.unmodifiableMap(services);
	}

	static Dependencies of(ServiceGraph graph, int index) {
		Map<String, Service> services = new LinkedHashMap<>();
		for (int dependency : graph.dependencies[index]) {
			services.put(graph.name(dependency), graph.nodes[dependency].definition.service());
		}
		return new ResolvedDependencies(graph.name(index), services);
	}

	@Override
	public Set<String> names() {
		return this.services.keySet();
	}

	@Override
	public Service get(String name) {
		Service service = this.services.get(name);
		if (service == null) {
			throw new IllegalArgumentException("'" + name + "' is not a direct dependency of service '"
					+ this.serviceName + "'; its dependencies are " + this.services.keySet());
		}
		return service;
	}

	@Override
	public <T> T get(String name, Class<T> type) {
		Service service = get(name);
		if (!type.isInstance(service)) {
			throw new IllegalArgumentException("Dependency '" + name + "' of service '" + this.serviceName + "' is a "
					+ service.getClass().getName() + ", not a " + type.getName());
		}
		return type.cast(service);
	}

	@Override
	public String toString() {
		return "Dependencies" + this.services.keySet();
	}

}
