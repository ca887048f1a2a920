package dev.bandmaster.spring.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.metrics.BandmasterMetrics;
import dev.bandmaster.spring.observation.ObservingMaestroListener;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of {@link BandmasterMetrics}, when
 * the application has a Micrometer {@link MeterRegistry}; without its timers where the
 * band services are observed.
 */
// After Boot 4's auto-configuration, then Boot 3.5's: the sorter ignores the line that is
// absent.
@AutoConfiguration(after = BandmasterAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ Maestro.class, MeterRegistry.class })
public final class BandmasterMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BandmasterMetrics bandmasterMetrics(Maestro maestro, MeterRegistry registry,
			ObjectProvider<ObservingMaestroListener> observations) {
		// Observed, the starts and stops are timed by their observations, under the same
		// names.
		BandmasterMetrics metrics = new BandmasterMetrics(maestro, registry);
		metrics.setTimed(observations.getIfAvailable() == null);
		return metrics;
	}

}
