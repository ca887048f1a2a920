package dev.bandmaster.spring.autoconfigure.gate;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A health contributor as {@link HealthGateAutoConfiguration} walks them to find one by
 * its path, whatever the Spring Boot line: each line's
 * {@code HealthContributorRegistries} wraps its own contributor types in it.
 */
interface HealthContributorNode {

	/**
	 * Returns the contributor: the line's health contributor, or, at the root, the
	 * contributors the health endpoint shows.
	 * @return the contributor
	 */
	Object contributor();

	/**
	 * Returns a contributor nested in this one.
	 * @param name its name
	 * @return it, or {@code null} if this one is not composite or has no such contributor
	 */
	@Nullable HealthContributorNode child(String name);

	/**
	 * Returns the contributors nested in this one, by name, in the contributor's order.
	 * @return them; empty if this one is not composite
	 */
	Map<String, HealthContributorNode> children();

}
