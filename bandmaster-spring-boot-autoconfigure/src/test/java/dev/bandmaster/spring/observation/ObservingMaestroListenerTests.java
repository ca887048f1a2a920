package dev.bandmaster.spring.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.bandmaster.Maestro;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.testsupport.Journal;
import dev.bandmaster.spring.testsupport.RecordingService;
import dev.bandmaster.spring.observation.BandmasterObservationDocumentation.ServiceKeyNames;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObservingMaestroListener}: the observations' names and keys, and the
 * conventions that replace the defaults.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservingMaestroListenerTests {

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final Journal journal = new Journal();

	private final Maestro maestro = new Maestro();

	private final ObservingMaestroListener listener = new ObservingMaestroListener(this.registry, this.maestro);

	@BeforeEach
	void registerServices() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				ObservingMaestroListenerTests.this.stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		this.maestro.addListener(this.listener);
		this.maestro
			.addService(ServiceDefinition.builder("database", new RecordingService("database", this.journal)).build());
		this.maestro.addService(ServiceDefinition
			.builder("feed", RecordingService.failingForever("feed", this.journal, "GET https://bot:hunter2@feed/x"))
			.required(false)
			.build());
	}

	@Test
	void namesEachObservationAndKeysItAsDocumented() {
		this.maestro.startAll(Duration.ofSeconds(10));
		this.maestro.stopAll(Duration.ofSeconds(10));
		assertThat(this.stopped).extracting(Observation.Context::getName)
			.containsExactlyInAnyOrder("bandmaster.service.attempt", "bandmaster.service.start",
					"bandmaster.service.attempt", "bandmaster.service.start", "bandmaster.boot",
					"bandmaster.service.attempt", "bandmaster.service.stop", "bandmaster.shutdown");
		Observation.Context feed = stoppedStartOf("feed");
		assertThat(feed.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
				ServiceKeyNames.SERVICE.withValue("feed"), ServiceKeyNames.OUTCOME.withValue("failure"),
				ServiceKeyNames.REQUIRED.withValue("false"));
		assertThat(feed.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
				ServiceKeyNames.ATTEMPTS.withValue("1"),
				ServiceKeyNames.ERROR.withValue("IllegalStateException: GET https://bot:******@feed/x"));
		assertThat(feed.getError()).isInstanceOf(MaskedServiceError.class)
			.hasMessage("java.lang.IllegalStateException: GET https://bot:******@feed/x")
			.hasNoCause();
		assertThat(stoppedStartOf("database").getHighCardinalityKeyValues())
			.containsExactly(ServiceKeyNames.ATTEMPTS.withValue("1"));
	}

	@Test
	void aGlobalConventionReplacesTheDefault() {
		this.registry.observationConfig().observationConvention(new TeamConvention("platform"));
		this.maestro.startAll(Duration.ofSeconds(10));
		assertThat(stoppedStartOf("database").getLowCardinalityKeyValue("team").getValue()).isEqualTo("platform");
	}

	@Test
	void aConventionSetOnTheListenerReplacesTheGlobalOne() {
		this.registry.observationConfig().observationConvention(new TeamConvention("platform"));
		this.listener.setServiceStartConvention(new TeamConvention("checkout"));
		this.maestro.startAll(Duration.ofSeconds(10));
		assertThat(stoppedStartOf("database").getLowCardinalityKeyValue("team").getValue()).isEqualTo("checkout");
	}

	@Test
	void observesNothingAndBreaksNothingWhenObservationsAreDisabled(CapturedOutput output) {
		this.registry.observationConfig().observationPredicate((name, context) -> false);
		assertThat(this.maestro.startAll(Duration.ofSeconds(10))).hasSize(1);
		this.maestro.stopAll(Duration.ofSeconds(10));
		assertThat(this.stopped).isEmpty();
		assertThat(output).doesNotContain("failed; ignoring it");
	}

	private Observation.Context stoppedStartOf(String service) {
		return this.stopped.stream()
			.filter((context) -> context instanceof ServiceTransitionContext transition
					&& transition.getTransition() == Transition.START && transition.getServiceName().equals(service))
			.findFirst()
			.orElseThrow();
	}

	/** Adds a {@code team} tag to the starts, keeping the default's. */
	static final class TeamConvention extends DefaultServiceTransitionObservationConvention
			implements GlobalObservationConvention<ServiceTransitionContext> {

		private final String team;

		TeamConvention(String team) {
			super(Transition.START);
			this.team = team;
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ServiceTransitionContext transition
					&& transition.getTransition() == Transition.START;
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ServiceTransitionContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", this.team);
		}

	}

}
