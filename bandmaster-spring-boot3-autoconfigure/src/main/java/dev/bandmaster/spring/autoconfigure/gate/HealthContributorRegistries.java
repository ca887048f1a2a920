package dev.bandmaster.spring.autoconfigure.gate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.NamedContributors;

import dev.bandmaster.spring.gate.Gate;
import dev.bandmaster.spring.gate.HealthGate;

/**
 * Spring Boot 3.5's health contributor registry, as {@link HealthGateAutoConfiguration}
 * reads it: the contributors the health endpoint shows, reactive ones included (Boot 3.5
 * adapts them into this registry when Reactor is present).
 */
final class HealthContributorRegistries {

	/** The registry class whose presence switches the health gates on. */
	static final String REGISTRY_CLASS_NAME = "org.springframework.boot.actuate.health.HealthContributorRegistry";

	private HealthContributorRegistries() {
	}

	/**
	 * Returns the contributors the health endpoint shows.
	 * @param beanFactory the application's bean factory
	 * @return them, or {@code null} if the application has no
	 * {@code HealthContributorRegistry}
	 */
	static @Nullable HealthContributorNode find(ListableBeanFactory beanFactory) {
		HealthContributorRegistry registry = beanFactory.getBeanProvider(HealthContributorRegistry.class)
			.getIfAvailable();
		return (registry != null) ? new Node(registry) : null;
	}

	/**
	 * Returns the gate of a contributor that {@link #find} led to.
	 * @param node the contributor
	 * @param path its path
	 * @return its gate
	 */
	static Gate gate(HealthContributorNode node, String path) {
		return new HealthGate((HealthContributor) node.contributor(), path);
	}

	private record Node(Object contributor) implements HealthContributorNode {

		@Override
		public @Nullable HealthContributorNode child(String name) {
			Object child = (this.contributor instanceof NamedContributors<?> composite) ? composite.getContributor(name)
					: null;
			return (child != null) ? new Node(child) : null;
		}

		@Override
		public Map<String, HealthContributorNode> children() {
			Map<String, HealthContributorNode> children = new LinkedHashMap<>();
			if (this.contributor instanceof NamedContributors<?> composite) {
				composite.forEach((named) -> children.put(named.getName(), new Node(named.getContributor())));
			}
			return children;
		}

	}

}
