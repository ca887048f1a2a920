package dev.bandmaster.spring.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of {@link HealthGate} that is the same on every Spring Boot line: it holds the
 * contributor and its name, and opens when each indicator that the line's
 * {@code HealthGate} reads from the contributor reports {@code UP}
 * ({@link IndicatorHealth#requireUp}).
 *
 * @param <C> the line's health contributor type
 */
abstract class ContributorHealthGate<C> extends Gate {

	private final C contributor;

	private final String name;

	ContributorHealthGate(C contributor, String name) {
		this.contributor = Objects.requireNonNull(contributor, "contributor must not be null");
		this.name = Objects.requireNonNull(name, "name must not be null");
	}

	@Override
	public final void check() throws Exception {
		IndicatorHealth.requireUp(this.name, () -> {
			List<IndicatorHealth> healths = new ArrayList<>();
			read(this.name, this.contributor, healths);
			return healths;
		});
	}

	/**
	 * Reads the health of each indicator of a contributor, those nested in a composite by
	 * their path.
	 * @param path the contributor's path
	 * @param contributor the contributor
	 * @param healths where to add each indicator's health
	 */
	abstract void read(String path, C contributor, List<IndicatorHealth> healths);

	@Override
	public String toString() {
		return "HealthGate[" + this.name + "]";
	}

}
