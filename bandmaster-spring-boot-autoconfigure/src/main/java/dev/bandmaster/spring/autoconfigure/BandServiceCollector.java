package dev.bandmaster.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
		Map<String, List<ConfiguredService>> configured = configuredServices(candidates.keySet());
		Map<String, String> serviceNamesByBean = new LinkedHashMap<>();
		for (Candidate candidate : candidates.values()) {
			serviceNamesByBean.put(candidate.beanName(), candidate.name());
			wrappedBeans(candidate).forEach((bean) -> serviceNamesByBean.putIfAbsent(bean, candidate.name()));
		}
		List<ServiceDefinition> definitions = new ArrayList<>();
		for (Candidate candidate : candidates.values()) {
			definitions.add(define(candidate, defaults, configured.getOrDefault(candidate.name(), List.of()),
					serviceNamesByBean));
		}
		return definitions;
	}

	private ServiceDefinition define(Candidate candidate, ServiceTuning defaults, List<ConfiguredService> configured,
			Map<String, String> serviceNamesByBean) {
		String name = candidate.name();
		ServiceTuning tuning = defaults.overriddenBy(candidate.tuning());
		boolean required = candidate.required();
		Set<String> dependencies = new LinkedHashSet<>(candidate.dependsOn());
		for (ConfiguredService settings : configured) {
			BandmasterProperties.ServiceProperties properties = settings.properties();
			tuning = tuning.overriddenBy(
					ServiceTuning.of(properties).check((key) -> "bandmaster.services." + settings.key() + "." + key));
			if (properties.getRequired() != null) {
				required = properties.getRequired();
			}
			if (properties.getDependsOn() != null) {
				dependencies = new LinkedHashSet<>(properties.getDependsOn());
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
	 * Returns the beans a candidate's bean was made from that are its service itself: the
	 * bean a {@link BandServiceRegistration} wraps, whose injection elsewhere is then a
	 * dependency on the registered service.
	 */
	private List<String> wrappedBeans(Candidate candidate) {
		return Arrays.stream(this.beanFactory.getDependenciesForBean(candidate.beanName()))
			.filter((bean) -> this.beanFactory.containsSingleton(bean)
					&& this.beanFactory.getSingleton(bean) == candidate.service())
			.toList();
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
		if (!this.beanFactory.isSingleton(beanName)) {
			String scope = this.beanFactory.getMergedBeanDefinition(beanName).getScope();
			throw new BandmasterConfigurationException(
					"Bean '" + beanName + "' is annotated with @BandService but is not a singleton (scope '" + scope
							+ "'): every injection of it gets an instance that no band starts or stops.",
					"Make bean '" + beanName + "' a singleton, or register one instance of it with a "
							+ "BandServiceRegistration bean.");
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

	/**
	 * Returns the settings under {@code bandmaster.services} of each band service, in the
	 * order they apply: those under its exact name, then those under another form of it.
	 * Environment variables give such a form: Spring Boot binds
	 * {@code BANDMASTER_SERVICES_PARTNERFEED_RETRIES} to the key {@code partnerfeed},
	 * which is taken for {@code partner-feed} or {@code partnerFeed}; those override the
	 * exact name's, as environment variables override configuration files.
	 * @throws BandmasterConfigurationException for a key that names no band service, or
	 * more than one
	 */
	private Map<String, List<ConfiguredService>> configuredServices(Set<String> known) {
		Map<String, List<ConfiguredService>> configured = new LinkedHashMap<>();
		List<ConfiguredService> relaxed = new ArrayList<>();
		this.properties.getServices().forEach((key, properties) -> {
			if (known.contains(key)) {
				configured.computeIfAbsent(key, (name) -> new ArrayList<>())
					.add(new ConfiguredService(key, properties));
			}
			else {
				relaxed.add(new ConfiguredService(key, properties));
			}
		});
		for (ConfiguredService settings : relaxed) {
			List<String> matches = known.stream()
				.filter((name) -> uniformForm(name).equals(uniformForm(settings.key())))
				.toList();
			if (matches.isEmpty()) {
				throw new BandmasterConfigurationException(
						"bandmaster.services." + settings.key() + " configures a band service named '" + settings.key()
								+ "', but there is none. Known band services: " + known + ".",
						"Correct the name under bandmaster.services to one of " + known + ", or remove its settings.");
			}
			if (matches.size() > 1) {
				throw new BandmasterConfigurationException(
						"bandmaster.services." + settings.key() + " could configure any of the band services " + matches
								+ ".",
						"Configure them under their exact names (for environment variables, through "
								+ "SPRING_APPLICATION_JSON), or rename one of them.");
			}
			configured.computeIfAbsent(matches.get(0), (name) -> new ArrayList<>()).add(settings);
		}
		return configured;
	}

	/**
	 * The form of a name that survives an environment variable: lower case, without
	 * dashes or underscores.
	 */
	private static String uniformForm(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
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
	 * The settings under one key of {@code bandmaster.services}.
	 */
	private record ConfiguredService(String key, BandmasterProperties.ServiceProperties properties) {
	}

	/**
	 * A band service found in the bean factory, before the configuration is applied.
	 */
	private record Candidate(String beanName, String name, Service service, boolean required, List<String> dependsOn,
			ServiceTuning tuning) {
	}

}
