package dev.bandmaster.spring.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

/**
 * Spring Boot 4's health API as the shared tests use it: they make and read health
 * contributors through these methods, whose return types are this line's (tests hold them
 * in {@code var}s), and compare {@link HealthView}s.
 */
public final class LineHealth {

	/** The health indicator type. */
	public static final Class<HealthIndicator> INDICATOR_TYPE = HealthIndicator.class;

	/** The registry of health contributors that the health endpoint reads. */
	public static final Class<HealthContributorRegistry> REGISTRY_TYPE = HealthContributorRegistry.class;

	/** The reactive health contributor type. */
	public static final Class<ReactiveHealthContributor> REACTIVE_CONTRIBUTOR_TYPE = ReactiveHealthContributor.class;

	private LineHealth() {
	}

	/**
	 * Returns Spring Boot's {@code db} indicator of a data source.
	 * @param dataSource the data source
	 * @return the indicator
	 */
	public static DataSourceHealthIndicator db(DataSource dataSource) {
		return new DataSourceHealthIndicator(dataSource);
	}

	/**
	 * Returns a composite contributor.
	 * @param contributors the contributors in it, by name
	 * @return the composite
	 */
	public static CompositeHealthContributor composite(Map<String, ? extends HealthContributor> contributors) {
		return CompositeHealthContributor.fromMap(contributors);
	}

	/**
	 * Returns an indicator that reports what a supplier gives.
	 * @param health gives each health, or {@code null} for none
	 * @return the indicator
	 */
	public static HealthIndicator indicator(Supplier<@Nullable HealthView> health) {
		return () -> {
			HealthView view = health.get();
			return (view != null) ? Health.status(view.status()).withDetails(view.details()).build() : null;
		};
	}

	/**
	 * Reads an indicator's health.
	 * @param indicator the indicator
	 * @param includeDetails whether to ask for its details
	 * @return its health, or {@code null} if it reports none
	 */
	public static @Nullable HealthView read(@Nullable HealthContributor indicator, boolean includeDetails) {
		Health health = ((HealthIndicator) indicator).health(includeDetails);
		return (health != null) ? new HealthView(health.getStatus().getCode(), health.getDetails()) : null;
	}

	/**
	 * Returns the names of the contributors in a composite, in its order.
	 * @param composite the composite
	 * @return their names
	 */
	public static List<String> names(CompositeHealthContributor composite) {
		return composite.stream().map(HealthContributors.Entry::name).toList();
	}

	/**
	 * Returns the status Spring Boot's default status aggregator makes of some.
	 * @param statuses the status codes
	 * @return the aggregate's code
	 */
	public static String aggregate(Set<String> statuses) {
		return StatusAggregator.getDefault()
			.getAggregateStatus(statuses.stream().map(Status::new).collect(Collectors.toSet()))
			.getCode();
	}

}
