package dev.bandmaster.spring.lifecycle;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.bandmaster.ServiceSnapshot;
import dev.bandmaster.ServiceState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BootTimeline} and {@link BootReport}.
 */
class BootReportTests {

	private static final Instant BOOT = Instant.parse("2026-01-01T00:00:00Z");

	private final BootTimeline timeline = BootTimeline.of(List.of(
			new ServiceSnapshot("database", true, List.of(), ServiceState.STARTED, 1, BOOT.plusMillis(3),
					Duration.ofMillis(120), null),
			new ServiceSnapshot("cache", true, List.of("database"), ServiceState.STARTED, 3, BOOT.plusMillis(123),
					Duration.ofMillis(450), new IllegalStateException("not yet")),
			new ServiceSnapshot("partner-feed", false, List.of(), ServiceState.FAILED, 2, BOOT, Duration.ofMillis(40),
					new ConnectException("https://bot:hunter2@feed.example refused")),
			new ServiceSnapshot("report", false, List.of("partner-feed", "cache"), ServiceState.STOPPED, 0, null, null,
					null)));

	@Test
	void countsOffsetsFromTheEarliestStart() {
		assertThat(this.timeline.entries()).extracting(BootTimeline.Entry::offset)
			.containsExactly(Duration.ofMillis(3), Duration.ofMillis(123), Duration.ZERO, null);
		assertThat(this.timeline.entries()).extracting(BootTimeline.Entry::outcome)
			.containsExactly("started", "started", "failed", "not started");
	}

	@Test
	void followsTheDependencyEachServiceWaitedForBackFromTheLastToEnd() {
		assertThat(this.timeline.criticalPath()).extracting(BootTimeline.Entry::name)
			.containsExactly("database", "cache");
	}

	@Test
	void leavesOutOfTheCriticalPathADependencyThatEndedAfterTheServiceBegan() {
		// "feed" was started again after "report" had begun (a later partial run): it did
		// not hold "report" up.
		BootTimeline timeline = BootTimeline.of(List.of(
				new ServiceSnapshot("database", true, List.of(), ServiceState.STARTED, 1, BOOT, Duration.ofMillis(100),
						null),
				new ServiceSnapshot("feed", true, List.of(), ServiceState.STARTED, 1, BOOT.plusMillis(150),
						Duration.ofMillis(300), null),
				new ServiceSnapshot("report", true, List.of("database", "feed"), ServiceState.STARTED, 1,
						BOOT.plusMillis(100), Duration.ofMillis(400), null)));
		assertThat(timeline.criticalPath()).extracting(BootTimeline.Entry::name).containsExactly("database", "report");
	}

	@Test
	void picksTheDependencyThatEndedLastAndBreaksTiesByName() {
		BootTimeline timeline = BootTimeline.of(List.of(
				new ServiceSnapshot("b", true, List.of(), ServiceState.STARTED, 1, BOOT, Duration.ofMillis(50), null),
				new ServiceSnapshot("a", true, List.of(), ServiceState.STARTED, 1, BOOT, Duration.ofMillis(50), null),
				new ServiceSnapshot("slow", true, List.of(), ServiceState.STARTED, 1, BOOT, Duration.ofMillis(10),
						null),
				new ServiceSnapshot("top", true, List.of("slow", "b", "a"), ServiceState.STARTED, 1,
						BOOT.plusMillis(50), Duration.ofMillis(5), null)));
		assertThat(timeline.criticalPath()).extracting(BootTimeline.Entry::name).containsExactly("a", "top");
	}

	@Test
	void hasNoCriticalPathBeforeAnyStartEnded() {
		BootTimeline timeline = BootTimeline
			.of(List.of(new ServiceSnapshot("a", true, List.of(), ServiceState.STARTING, 1, BOOT, null, null)));
		assertThat(timeline.criticalPath()).isEmpty();
		assertThat(BootReport.render(timeline, Duration.ofMillis(5))).doesNotContain("Critical path");
	}

	@Test
	void rendersOneAlignedLinePerServiceInStartOrder() {
		String nl = System.lineSeparator();
		assertThat(BootReport.render(this.timeline, Duration.ofMillis(573))).isEqualTo(String.join(nl,
				"BandMaster boot report: 4 services in 573 ms", "Critical path (*): database -> cache, done at 573 ms",
				"", "Service       Depends on           Attempts  Offset  Duration  Outcome",
				"------------  -------------------  --------  ------  --------  " + "-".repeat(76),
				"partner-feed  -                    2         0 ms    40 ms     failed (optional): ConnectException: "
						+ "https://bot:******@feed.example refused",
				"database *    -                    1         3 ms    120 ms    started",
				"cache *       database             3         123 ms  450 ms    started",
				"report        partner-feed, cache  0         -       -         not started (optional)"));
	}

}
