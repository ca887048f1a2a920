package dev.bandmaster.spring.autoconfigure.gate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;

import dev.bandmaster.spring.gate.Gate;
import dev.bandmaster.spring.gate.HealthGate;

/**
 * Spring Boot 4's health contributor registries, as {@link HealthGateAutoConfiguration}
 * reads them: the blocking registry's contributors, then the reactive one's, as the
 * health endpoint shows them.
 */
final class HealthContributorRegistries {

	/** The registry class whose presence switches the health gates on. */
	static final String REGISTRY_CLASS_NAME = "org.springframework.boot.health.registry.HealthContributorRegistry";

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
		if (registry == null) {
			return null;
		}
		ReactiveHealthContributorRegistry reactive = beanFactory
			.getBeanProvider(ReactiveHealthContributorRegistry.class)
			.getIfAvailable();
		return new Node(
				(reactive != null) ? HealthContributors.of(registry, reactive.asHealthContributors()) : registry);
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
			HealthContributor child = (this.contributor instanceof HealthContributors composite)
					? composite.getContributor(name) : null;
			return (child != null) ? new Node(child) : null;
		}

		@Override
		public Map<String, HealthContributorNode> children() {
			Map<String, HealthContributorNode> children = new LinkedHashMap<>();
			if (this.contributor instanceof HealthContributors composite) {
				composite.forEach((entry) -> children.put(entry.name(), new Node(entry.contributor())));
			}
			return children;
		}

	}

}
