package dev.bandmaster.spring.gate;

import java.util.List;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import dev.bandmaster.spring.diagnostics.ServiceError;

/**
 * A gate that asks one of Spring Boot's health contributors (those under
 * {@code /actuator/health}) and opens when it reports {@link Status#UP UP}: for every
 * store Boot has a health indicator for, without a client call of its own. A composite
 * contributor, such as {@code db} with several data sources, opens when each indicator in
 * it reports {@code UP}. Otherwise the check fails with each indicator's status and
 * details, passwords masked as {@link ServiceError#mask(String)} does.
 * <p>
 * The indicator runs on a thread of its own, so an attempt timeout ends the attempt at
 * once; the indicator's own call is bounded only by its client's timeouts, and goes on in
 * the background until they end. Thread-safe when the contributor is, as Spring Boot's
 * are.
 */
public class HealthGate extends ContributorHealthGate<HealthContributor> {

	/**
	 * Creates a gate.
	 * @param contributor the health indicator or composite contributor to ask
	 * @param name its name, as under {@code /actuator/health}, e.g. {@code db} or
	 * {@code db/dataSource}
	 */
	public HealthGate(HealthContributor contributor, String name) {
		super(contributor, name);
	}

	@Override
	void read(String path, HealthContributor contributor, List<IndicatorHealth> healths) {
		if (contributor instanceof CompositeHealthContributor composite) {
			composite.forEach((named) -> read(path + "/" + named.getName(), named.getContributor(), healths));
		}
		else if (contributor instanceof HealthIndicator indicator) {
			Health health = indicator.getHealth(true);
			healths.add((health != null) ? new IndicatorHealth(path, health.getStatus().getCode(), health.getDetails())
					: IndicatorHealth.none(path));
		}
	}

}
