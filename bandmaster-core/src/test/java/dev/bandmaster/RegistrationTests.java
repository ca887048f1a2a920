package dev.bandmaster;

import java.time.Duration;

import dev.bandmaster.testkit.RecordingService;
import dev.bandmaster.testkit.Timeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Registration refuses what can be refused at once, and lets dependencies be registered
 * later.
 */
class RegistrationTests {

	private final Timeline timeline = new Timeline();

	private final Maestro maestro = new Maestro();

	@Test
	void refusesADuplicateNameWithServiceAlreadyExists() {
		RecordingService first = new RecordingService("a", this.timeline);
		this.maestro.addService("a", true, first);
		assertThatExceptionOfType(BandmasterException.class)
			.isThrownBy(() -> this.maestro.addService("a", false, new RecordingService("a2", this.timeline)))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.SERVICE_ALREADY_EXISTS);
				assertThat(ex.serviceName()).isEqualTo("a");
				assertThat(ex.required()).isFalse();
			});
		assertThat(this.maestro.service("a")).isSameAs(first);
	}

	@Test
	void refusesADuplicateNameRegisteredWithBackoff() {
		this.maestro.addService("a", true, new RecordingService("a", this.timeline));
		assertThatExceptionOfType(BandmasterException.class)
			.isThrownBy(() -> this.maestro.addServiceWithBackoff("a", true, 3, Duration.ofMillis(1),
					new RecordingService("a", this.timeline)))
			.extracting(BandmasterException::kind)
			.isEqualTo(ErrorKind.SERVICE_ALREADY_EXISTS);
	}

	@Test
	void refusesAServiceThatDependsOnItself() {
		assertThatExceptionOfType(BandmasterException.class)
			.isThrownBy(() -> this.maestro.addService("a", true, new RecordingService("a", this.timeline), "b", "a"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.SERVICE_DEPENDS_ON_ITSELF);
				assertThat(ex.serviceName()).isEqualTo("a");
				assertThat(ex.required()).isTrue();
			});
		assertThat(this.maestro.service("a")).isNull();
	}

	@Test
	void refusesADependencyNamedTwiceAndNamesIt() {
		assertThatExceptionOfType(BandmasterException.class)
			.isThrownBy(
					() -> this.maestro.addService("a", false, new RecordingService("a", this.timeline), "b", "c", "b"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ErrorKind.SERVICE_DUPLICATE_DEPENDENCY);
				assertThat(ex.serviceName()).isEqualTo("a");
				assertThat(ex.dependency()).isEqualTo("b");
				assertThat(ex.required()).isFalse();
			});
		assertThat(this.maestro.service("a")).isNull();
	}

	@Test
	void acceptsDependenciesRegisteredLater() {
		RecordingService c = new RecordingService("c", this.timeline);
		RecordingService b = new RecordingService("b", this.timeline);
		RecordingService a = new RecordingService("a", this.timeline);
		this.maestro.addService("c", true, c, "b");
		this.maestro.addService("b", true, b, "a");
		this.maestro.addService("a", true, a);
		assertThat(this.maestro.startAll()).isEmpty();
		assertThat(this.timeline.events()).extracting(Timeline.Event::service)
			.containsExactly("a", "a", "b", "b", "c", "c");
		assertThat(c.lastDependencies().get("b")).isSameAs(b);
	}

	@Test
	void answersNullForAnUnknownName() {
		assertThat(this.maestro.service("nope")).isNull();
		assertThat(this.maestro.state("nope")).isNull();
		assertThat(this.maestro.snapshot("nope")).isNull();
	}

	@Test
	void keepsARegisteredServiceStoppedUntilStartAll() {
		RecordingService a = new RecordingService("a", this.timeline);
		this.maestro.addService("a", false, a, "later");
		assertThat(this.maestro.state("a")).isEqualTo(ServiceState.STOPPED);
		assertThat(this.maestro.snapshot("a")).satisfies((snapshot) -> {
			assertThat(snapshot.required()).isFalse();
			assertThat(snapshot.dependencies()).containsExactly("later");
			assertThat(snapshot.attempts()).isZero();
			assertThat(snapshot.startedAt()).isNull();
		});
		assertThat(a.starts()).isZero();
	}

	@Test
	void refusesRetrySettingsOutOfRange() {
		RecordingService a = new RecordingService("a", this.timeline);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.maestro.addServiceWithBackoff("a", true, -1, Duration.ofMillis(1), a));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.maestro.addServiceWithBackoff("a", true, 1, Duration.ofMillis(-1), a));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceDefinition.builder("a", a).multiplier(0.5).build());
		assertThatIllegalArgumentException().isThrownBy(() -> ServiceDefinition.builder("a", a).jitter(1.5).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServiceDefinition.builder("a", a).startTimeout(Duration.ZERO).build());
		assertThat(this.maestro.service("a")).isNull();
	}

}
