package dev.bandmaster;

import java.util.Set;

/**
 * The direct dependencies of the service being started, all of them started. Immutable
 * and thread-safe.
 */
public interface Dependencies {

	/**
	 * Returns the names of the direct dependencies, in the order they were declared.
	 * @return an unmodifiable set of names, empty for a service without dependencies
	 */
	Set<String> names();

	/**
	 * Returns a direct dependency.
	 * @param name the dependency's name
	 * @return the started service
	 * @throws IllegalArgumentException if {@code name} is not a direct dependency of the
	 * service being started
	 */
	Service get(String name);

	/**
	 * Returns a direct dependency as the type the caller expects.
	 * @param name the dependency's name
	 * @param type the type the service is expected to be
	 * @param <T> the expected type
	 * @return the started service
	 * @throws IllegalArgumentException if {@code name} is not a direct dependency, or is
	 * not a {@code type}
	 */
	<T> T get(String name, Class<T> type);

}
