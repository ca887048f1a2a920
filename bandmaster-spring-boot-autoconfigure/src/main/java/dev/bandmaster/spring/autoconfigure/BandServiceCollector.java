package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;

/**
 * Builds the definitions of every band service from the bean factory:
 * {@link BandService @BandService} beans (on classes or {@code @Bean} methods) and
 * {@link BandServiceRegistration} beans, with their declared and inferred dependencies,
 * and the {@code bandmaster.*} properties applied over them. Every problem is reported as
 * a {@link BandmasterConfigurationException} before anything is started.
 */
final class BandServiceCollector {

	private final ConfigurableListableBeanFactory beanFactory;

	private final BandmasterProperties properties;

	BandServiceCollector(ConfigurableListableBeanFactory beanFactory, BandmasterProperties properties) {
		this.beanFactory = beanFactory;
		this.properties = properties;
	}

	/**
	 * Collects the definitions, annotated beans first, each group in bean definition
	 * order.
	 * @return the definitions
	 * @throws BandmasterConfigurationException for the first problem found
	 */
	List<ServiceDefinition> collect() {
		ServiceTuning defaults = ServiceTuning.of(this.properties.getDefaults())
			.check((key) -> "bandmaster.defaults." + key);
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(BandService.class)) {
			add(candidates, fromAnnotation(beanName));
		}
		this.beanFactory.getBeansOfType(BandServiceRegistration.class)
			.forEach((beanName, registration) -> add(candidates, fromRegistration(beanName, registration)));
		checkConfiguredNames(candidates.keySet());
		Map<String, String> serviceNamesByBean = new LinkedHashMap<>();
		candidates.values().forEach((candidate) -> serviceNamesByBean.put(candidate.beanName(), candidate.name()));
		List<ServiceDefinition> definitions = new ArrayList<>();
		for (Candidate candidate : candidates.values()) {
			definitions.add(define(candidate, defaults, serviceNamesByBean));
		}
		return definitions;
	}

	private ServiceDefinition define(Candidate candidate, ServiceTuning defaults,
			Map<String, String> serviceNamesByBean) {
		String name = candidate.name();
		BandmasterProperties.ServiceProperties configured = this.properties.getServices().get(name);
		ServiceTuning tuning = defaults.overriddenBy(candidate.tuning());
		boolean required = candidate.required();
		Set<String> dependencies = new LinkedHashSet<>(candidate.dependsOn());
		if (configured != null) {
			tuning = tuning
				.overriddenBy(ServiceTuning.of(configured).check((key) -> "bandmaster.services." + name + "." + key));
			if (configured.getRequired() != null) {
				required = configured.getRequired();
			}
			if (configured.getDependsOn() != null) {
				dependencies = new LinkedHashSet<>(configured.getDependsOn());
			}
		}
		dependencies.addAll(inferredDependencies(candidate, serviceNamesByBean));
		ServiceDefinition.Builder builder = ServiceDefinition.builder(name, candidate.service())
			.required(required)
			.dependsOn(dependencies);
		tuning.applyTo(builder);
		try {
			return builder.build();
		}
		catch (RuntimeException ex) {
			throw new BandmasterConfigurationException(
					"Band service '" + name + "' (bean '" + candidate.beanName() + "') is invalid: " + ex.getMessage(),
					"Correct its annotation, registration or configuration.");
		}
	}

	/**
	 * Returns the band services injected into a candidate's bean: it depends on them
	 * without saying so.
	 */
	private Set<String> inferredDependencies(Candidate candidate, Map<String, String> serviceNamesByBean) {
		Set<String> inferred = new LinkedHashSet<>();
		for (String dependency : this.beanFactory.getDependenciesForBean(candidate.beanName())) {
			String serviceName = serviceNamesByBean.get(dependency);
			if (serviceName != null && !serviceName.equals(candidate.name())) {
				inferred.add(serviceName);
			}
		}
		return inferred;
	}

	private Candidate fromAnnotation(String beanName) {
		BandService annotation = this.beanFactory.findAnnotationOnBean(beanName, BandService.class);
		if (annotation == null) {
			throw new IllegalStateException("Bean '" + beanName + "' was found by @BandService but has none");
		}
		Object bean = this.beanFactory.getBean(beanName);
		if (!(bean instanceof Service service)) {
			throw new BandmasterConfigurationException(
					"Bean '" + beanName + "' of type " + bean.getClass().getName()
							+ " is annotated with @BandService but does not implement " + Service.class.getName() + ".",
					"Implement " + Service.class.getName() + " (its start and stop methods) in "
							+ bean.getClass().getSimpleName() + ", wrap the bean in a BandServiceRegistration bean, "
							+ "or remove @BandService.");
		}
		String declaredName = resolve(annotation.name());
		String name = StringUtils.hasText(declaredName) ? declaredName : beanName;
		UnaryOperator<String> locator = (key) -> "@BandService(" + attribute(key) + ") of bean '" + beanName + "'";
		Integer retries = (annotation.retries() != BandService.DEFAULT_RETRIES) ? annotation.retries() : null;
		ServiceTuning tuning = new ServiceTuning(retries,
				parseDuration(resolve(annotation.initialBackoff()), locator.apply("initial-backoff")), null, null, null,
				null, null)
			.check(locator);
		List<String> dependsOn = Arrays.stream(annotation.dependsOn()).map(this::resolve).toList();
		return new Candidate(beanName, name, service, annotation.required(), dependsOn, tuning);
	}

	private Candidate fromRegistration(String beanName, BandServiceRegistration registration) {
		ServiceTuning tuning = ServiceTuning.of(registration)
			.check((key) -> "BandServiceRegistration '" + registration.name() + "' (bean '" + beanName + "') "
					+ attribute(key));
		return new Candidate(beanName, registration.name(), registration.service(), registration.required(),
				registration.dependsOn(), tuning);
	}

	private void add(Map<String, Candidate> candidates, Candidate candidate) {
		Candidate existing = candidates.putIfAbsent(candidate.name(), candidate);
		if (existing != null) {
			throw new BandmasterConfigurationException(
					"Beans '" + existing.beanName() + "' and '" + candidate.beanName()
							+ "' are both band services named '" + candidate.name() + "'.",
					"Give each band service a unique name (@BandService(name) or BandServiceRegistration's name).");
		}
	}

	private void checkConfiguredNames(Set<String> known) {
		for (String configured : this.properties.getServices().keySet()) {
			if (!known.contains(configured)) {
				throw new BandmasterConfigurationException(
						"bandmaster.services." + configured + " configures a band service named '" + configured
								+ "', but there is none. Known band services: " + known + ".",
						"Correct the name under bandmaster.services to one of " + known + ", or remove its settings.");
			}
		}
	}

	private static @Nullable Duration parseDuration(String value, String where) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new BandmasterConfigurationException(where + " is '" + value + "', which is not a duration.",
					"Set " + where + " to a duration such as \"200ms\", \"2s\" or \"PT0.5S\".");
		}
	}

	private String resolve(String value) {
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		return (resolved != null) ? resolved : value;
	}

	/**
	 * Turns a property key such as {@code initial-backoff} into its attribute name,
	 * {@code initialBackoff}.
	 */
	private static String attribute(String key) {
		StringBuilder attribute = new StringBuilder();
		boolean upper = false;
		for (char ch : key.toCharArray()) {
			if (ch == '-') {
				upper = true;
			}
			else {
				attribute.append(upper ? Character.toUpperCase(ch) : ch);
				upper = false;
			}
		}
		return attribute.toString();
	}

	/**
	 * A band service found in the bean factory, before the configuration is applied.
	 */
	private record Candidate(String beanName, String name, Service service, boolean required, List<String> dependsOn,
			ServiceTuning tuning) {
	}

}
