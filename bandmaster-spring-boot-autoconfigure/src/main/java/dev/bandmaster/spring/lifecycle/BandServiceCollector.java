package dev.bandmaster.spring.lifecycle;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.PlaceholderConfigurerSupport;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

import dev.bandmaster.Restart;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.Tuning;
import dev.bandmaster.spring.BandService;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.diagnostics.Suggestions;
import dev.bandmaster.spring.lifecycle.BandmasterSettings.ServiceSettings;
import dev.bandmaster.spring.lifecycle.BandmasterSettings.Supervision;

/**
 * Builds the definitions of the band services from the bean factory:
 * {@link BandService @BandService} beans (on classes or {@code @Bean} methods) and
 * {@link BandServiceRegistration} beans, with their declared and inferred dependencies,
 * and the configuration's {@link BandmasterSettings settings} applied over them. Every
 * problem is reported as a {@link BandmasterConfigurationException} before anything is
 * started.
 * <p>
 * It works in two stages. {@link #declarations()} reads the bean definitions only,
 * creating no bean, so that the configuration and the declared graph can be checked, and
 * the beans that services hold found, before any bean is created. {@link #collect()} and
 * {@link #collect(Collection)} then create the band service beans and define the
 * services, with the dependencies that injection adds. Both stages scan every bean
 * definition; the second reuses what the first read where a definition cannot answer
 * differently ({@link BeanDefinitionScan}).
 * <p>
 * Not thread-safe; stateless between calls.
 */
final class BandServiceCollector {

	private final ConfigurableListableBeanFactory beanFactory;

	private final BandmasterSettings settings;

	BandServiceCollector(ConfigurableListableBeanFactory beanFactory, BandmasterSettings settings) {
		this.beanFactory = beanFactory;
		this.settings = settings;
	}

	/**
	 * Reads the band services that the bean definitions declare, creating no bean, and
	 * checks every value they and the configuration set.
	 * @return the declarations
	 * @throws BandmasterConfigurationException for the first problem found
	 */
	Declarations declarations() {
		return declarations(scan(false));
	}

	/**
	 * Reads the band services that a scan of the bean definitions found, creating no
	 * bean, and checks every value they and the configuration set.
	 * @param scan the scan, from {@link #scan(boolean) scan(false)}
	 * @return the declarations
	 * @throws BandmasterConfigurationException for the first problem found
	 */
	Declarations declarations(Scan scan) {
		Tuning defaults = this.settings.defaults();
		Map<String, Declaration> declared = new LinkedHashMap<>();
		List<String> unnamedRegistrations = new ArrayList<>();
		scan.annotated().forEach((beanName, annotation) -> {
			Declaration declaration = fromAnnotation(beanName, annotation);
			add(declared, declaration, Function.identity());
		});
		for (String beanName : scan.registrations()) {
			BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(beanName);
			String name = BandServiceDeclarations.serviceName(definition);
			if (name != null) {
				Declaration declaration = new Declaration(beanName, false, name, true, List.of(), Tuning.NONE,
						Supervision.NONE, List.of(), List.of(), BandServiceDeclarations.heldBeans(definition));
				add(declared, declaration, Function.identity());
			}
			else {
				unnamedRegistrations.add(beanName);
			}
		}
		Map<String, List<ConfiguredService>> configured = configuredServices(declared.keySet(),
				unnamedRegistrations.isEmpty());
		Map<String, Declaration> effective = new LinkedHashMap<>();
		declared.forEach((name, declaration) -> effective.put(name, declaration
			.configuredBy(configured.getOrDefault(name, List.of()), defaults, this.settings.supervisionDefaults())));
		return new Declarations(effective, unnamedRegistrations);
	}

	/**
	 * Finds the beans annotated with {@link BandService} and the
	 * {@link BandServiceRegistration} beans, in bean definition order, reusing what the
	 * {@link BeanDefinitionScan} registered in the bean factory read where a definition
	 * cannot answer differently now, and reading the others: the type of each bean and
	 * its annotation, on its class or its {@code @Bean} method.
	 * @param allowFactoryBeanInit whether a {@code FactoryBean} may be initialized to
	 * learn its product's type; when it may, the singletons registered as objects,
	 * without a bean definition, are found too
	 * @return what was found, with what was read of each definition when
	 * {@code FactoryBean}s may not be initialized (what a later scan can reuse)
	 */
	Scan scan(boolean allowFactoryBeanInit) {
		BeanDefinitionScan previous = BeanDefinitionScan.registeredIn(this.beanFactory);
		Map<String, BeanDefinitionScan.Entry> entries = new HashMap<>();
		Map<String, BandService> annotated = new LinkedHashMap<>();
		List<String> registrations = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = this.beanFactory.getBeanDefinition(beanName);
			if (definition.isAbstract()) {
				continue;
			}
			// Only a bean created already: asking for one in creation would expose it
			// early.
			Object bean = this.beanFactory.containsSingleton(beanName) ? this.beanFactory.getSingleton(beanName) : null;
			BeanDefinitionScan.Entry entry = (previous != null)
					? previous.reusable(beanName, definition, bean, allowFactoryBeanInit) : null;
			if (entry == null) {
				entry = new BeanDefinitionScan.Entry(definition, definition.getBeanClassName(),
						definition.getFactoryMethodName(), this.beanFactory.getType(beanName, allowFactoryBeanInit),
						this.beanFactory.findAnnotationOnBean(beanName, BandService.class, allowFactoryBeanInit));
			}
			if (!allowFactoryBeanInit) {
				// Only a scan made before the beans exist can serve a later one.
				entries.put(beanName, entry);
			}
			if (entry.annotation() != null) {
				annotated.put(beanName, entry.annotation());
			}
			if (entry.type() != null && BandServiceRegistration.class.isAssignableFrom(entry.type())) {
				registrations.add(beanName);
			}
		}
		if (allowFactoryBeanInit) {
			// Singletons registered as objects, without a bean definition.
			for (String beanName : this.beanFactory.getSingletonNames()) {
				if (!this.beanFactory.containsBeanDefinition(beanName)) {
					BandService annotation = this.beanFactory.findAnnotationOnBean(beanName, BandService.class);
					if (annotation != null) {
						annotated.put(beanName, annotation);
					}
					if (this.beanFactory.getSingleton(beanName) instanceof BandServiceRegistration) {
						registrations.add(beanName);
					}
				}
			}
		}
		return new Scan(annotated, registrations, new BeanDefinitionScan(entries));
	}

	/**
	 * Collects the definitions of every band service, annotated beans first, each group
	 * in bean definition order, creating their beans.
	 * @return the definitions
	 * @throws BandmasterConfigurationException for the first problem found
	 */
	List<ServiceDefinition> collect() {
		Tuning defaults = this.settings.defaults();
		Scan scan = scan(true);
		// The last scan: the beans exist, so no later one could reuse it.
		release();
		Map<String, Candidate> candidates = new LinkedHashMap<>();
		scan.annotated().forEach((beanName, annotation) -> {
			Candidate candidate = instantiate(fromAnnotation(beanName, annotation));
			add(candidates, candidate, Candidate::declaration);
		});
		for (String beanName : scan.registrations()) {
			Candidate candidate = fromRegistration(beanName,
					this.beanFactory.getBean(beanName, BandServiceRegistration.class));
			add(candidates, candidate, Candidate::declaration);
		}
		Map<String, List<ConfiguredService>> configured = configuredServices(candidates.keySet(), true);
		Map<String, String> serviceNamesByBean = new LinkedHashMap<>();
		for (Candidate candidate : candidates.values()) {
			serviceNamesByBean.put(candidate.beanName(), candidate.name());
			if (!candidate.declaration().annotated()) {
				// An annotated bean is its service: only a registration wraps another
				// bean.
				wrappedBeans(candidate).forEach((bean) -> serviceNamesByBean.putIfAbsent(bean, candidate.name()));
			}
		}
		List<ServiceDefinition> definitions = new ArrayList<>();
		for (Candidate candidate : candidates.values()) {
			definitions.add(define(candidate, defaults, configured.getOrDefault(candidate.name(), List.of()),
					serviceNamesByBean));
		}
		return definitions;
	}

	/**
	 * Collects the definitions of the named band services and of every band service they
	 * depend on, directly or not, creating only their beans: what must start before the
	 * beans the named services hold can be created. Only services known from their bean
	 * definitions (annotated beans and gates) can take part.
	 * @param names the names of the services
	 * @param declarations the declarations, from {@link #declarations()}
	 * @return the definitions
	 * @throws BandmasterConfigurationException if one of them depends on a service that
	 * its bean definitions do not declare
	 */
	List<ServiceDefinition> collect(Collection<String> names, Declarations declarations) {
		Tuning defaults = this.settings.defaults();
		Map<String, List<ConfiguredService>> configured = configuredServices(declarations.services().keySet(), false);
		Map<String, String> serviceNamesByBean = new LinkedHashMap<>();
		declarations.services().values().forEach((d) -> serviceNamesByBean.put(d.beanName(), d.name()));
		Map<String, ServiceDefinition> definitions = new LinkedHashMap<>();
		Deque<String> toDefine = new ArrayDeque<>(names);
		while (!toDefine.isEmpty()) {
			String name = toDefine.pop();
			if (definitions.containsKey(name)) {
				continue;
			}
			Declaration declaration = declarations.services().get(name);
			if (declaration == null) {
				throw new BandmasterConfigurationException(
						"Band service '" + name + "' must start before the beans held by " + names
								+ " are created, but no bean definition "
								+ "declares it: it can only be a BandServiceRegistration, whose name is known once the "
								+ "registration bean is created.",
						"Declare '" + name + "' with @BandService, or remove it from the dependencies of the services "
								+ "that hold beans.");
			}
			Candidate candidate = candidateOf(declaration);
			ServiceDefinition definition = define(candidate, defaults, configured.getOrDefault(name, List.of()),
					serviceNamesByBean);
			definitions.put(name, definition);
			toDefine.addAll(definition.dependencies());
		}
		return new ArrayList<>(definitions.values());
	}

	private void release() {
		BeanDefinitionScan registered = BeanDefinitionScan.registeredIn(this.beanFactory);
		if (registered != null) {
			registered.release();
		}
	}

	private Candidate candidateOf(Declaration declaration) {
		if (declaration.annotated()) {
			return instantiate(declaration);
		}
		return fromRegistration(declaration.beanName(),
				this.beanFactory.getBean(declaration.beanName(), BandServiceRegistration.class));
	}

	private ServiceDefinition define(Candidate candidate, Tuning defaults, List<ConfiguredService> configured,
			Map<String, String> serviceNamesByBean) {
		String name = candidate.name();
		Declaration settings = candidate.declaration()
			.configuredBy(configured, defaults, this.settings.supervisionDefaults());
		Set<String> dependencies = new LinkedHashSet<>(settings.dependsOn());
		dependencies.addAll(inferredDependencies(candidate, serviceNamesByBean));
		ServiceDefinition.Builder builder = ServiceDefinition.builder(name, candidate.service())
			.required(settings.required())
			.dependsOn(dependencies);
		builder.tuning(settings.tuning());
		settings.supervision().applyTo(builder);
		try {
			return builder.build();
		}
		catch (RuntimeException ex) {
			throw new BandmasterConfigurationException(
					"Band service '" + name + "' (bean '" + candidate.beanName() + "') is invalid: " + ex.getMessage(),
					"Correct its annotation, registration or configuration.", ex);
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

	private Declaration fromAnnotation(String beanName, BandService annotation) {
		if (!this.beanFactory.isSingleton(beanName)) {
			String scope = this.beanFactory.getMergedBeanDefinition(beanName).getScope();
			throw new BandmasterConfigurationException(
					"Bean '" + beanName + "' is annotated with @BandService but is not a singleton (scope '" + scope
							+ "'): every injection of it gets an instance that no band starts or stops.",
					"Make bean '" + beanName + "' a singleton, or register one instance of it with a "
							+ "BandServiceRegistration bean.");
		}
		String declaredName = resolve(annotation.name());
		String name = StringUtils.hasText(declaredName) ? declaredName : beanName;
		UnaryOperator<String> locator = (key) -> "@BandService(" + attribute(key) + ") of bean '" + beanName + "'";
		Integer retries = (annotation.retries() != BandService.DEFAULT_RETRIES) ? annotation.retries() : null;
		Tuning tuning = ConfiguredValues.requireValid(
				new Tuning(retries, parseDuration(resolve(annotation.initialBackoff()), locator, "initial-backoff"),
						null, null, null, null, null),
				locator);
		List<String> dependsOn = resolveAll(annotation.dependsOn());
		List<String> holds = resolveAll(annotation.holds());
		return new Declaration(beanName, true, name, annotation.required(), dependsOn, tuning,
				supervision(annotation, locator), holds, List.of(annotation.holdsTypes()), HeldBeansDetector.NONE);
	}

	private Supervision supervision(BandService annotation, UnaryOperator<String> locator) {
		Restart[] restart = annotation.restart();
		if (restart.length > 1) {
			throw ConfiguredValues.invalid(locator.apply("restart"), Arrays.toString(restart), "at most one value");
		}
		Duration checkInterval = parseDuration(resolve(annotation.checkInterval()), locator, "check-interval");
		return ConfiguredValues.supervision((restart.length == 1) ? restart[0] : null, checkInterval, locator);
	}

	private Candidate instantiate(Declaration declaration) {
		String beanName = declaration.beanName();
		Object bean = this.beanFactory.getBean(beanName);
		if (!(bean instanceof Service service)) {
			throw new BandmasterConfigurationException(
					"Bean '" + beanName + "' of type " + bean.getClass().getName()
							+ " is annotated with @BandService but does not implement " + Service.class.getName() + ".",
					"Implement " + Service.class.getName() + " (its start and stop methods) in "
							+ bean.getClass().getSimpleName() + ", wrap the bean in a BandServiceRegistration bean, "
							+ "or remove @BandService.");
		}
		return new Candidate(declaration, service);
	}

	private Candidate fromRegistration(String beanName, BandServiceRegistration registration) {
		UnaryOperator<String> locator = (key) -> "BandServiceRegistration '" + registration.name() + "' (bean '"
				+ beanName + "') " + attribute(key);
		Tuning tuning = ConfiguredValues.requireValid(registration.tuning(), locator);
		Supervision supervision = ConfiguredValues.supervision(registration.restart(), registration.checkInterval(),
				locator);
		return new Candidate(new Declaration(beanName, false, registration.name(), registration.required(),
				registration.dependsOn(), tuning, supervision, List.of(), List.of(), HeldBeansDetector.NONE),
				registration.service());
	}

	private static <T> void add(Map<String, T> found, T value, Function<T, Declaration> declarationOf) {
		Declaration declaration = declarationOf.apply(value);
		T existing = found.putIfAbsent(declaration.name(), value);
		if (existing != null) {
			throw new BandmasterConfigurationException(
					"Beans '" + declarationOf.apply(existing).beanName() + "' and '" + declaration.beanName()
							+ "' are both band services named '" + declaration.name() + "'.",
					"Give each band service a unique name (@BandService(name) or BandServiceRegistration's name).");
		}
	}

	/**
	 * Returns the settings under {@code bandmaster.services} of each band service, in the
	 * order they apply: those under its exact name, then those under another form of it.
	 * Environment variables give such a form: Spring Boot binds
	 * {@code BANDMASTER_SERVICES_PARTNERFEED_RETRIES} to the key {@code partnerfeed},
	 * which is taken for {@code partner-feed} or {@code partnerFeed}, as Spring Boot's
	 * relaxed binding compares property names ({@link ConfigurationPropertyName}); those
	 * override the exact name's, as environment variables override configuration files.
	 * @param known the names of the band services
	 * @param complete whether {@code known} is every band service, so that a key naming
	 * none of them is an error; otherwise such a key is left for a later, complete, check
	 * @throws BandmasterConfigurationException for a key that names no band service, or
	 * more than one
	 */
	private Map<String, List<ConfiguredService>> configuredServices(Set<String> known, boolean complete) {
		Map<String, List<ConfiguredService>> configured = new LinkedHashMap<>();
		List<ConfiguredService> relaxed = new ArrayList<>();
		this.settings.services().forEach((key, service) -> {
			ConfiguredService settings = new ConfiguredService(key, service);
			if (known.contains(key)) {
				configured.computeIfAbsent(key, (name) -> new ArrayList<>()).add(settings);
			}
			else {
				relaxed.add(settings);
			}
		});
		for (ConfiguredService settings : relaxed) {
			ConfigurationPropertyName key = ConfigurationPropertyName.adapt(settings.key(), '.');
			List<String> matches = known.stream()
				.filter((name) -> ConfigurationPropertyName.adapt(name, '.').equals(key))
				.toList();
			if (matches.isEmpty() && complete) {
				String suggestion = Suggestions.closest(settings.key(), known);
				throw new BandmasterConfigurationException(
						"bandmaster.services." + settings.key() + " configures a band service named '" + settings.key()
								+ "', but there is none"
								+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "")
								+ ". Known band services: " + known + ".",
						"Correct the name under bandmaster.services to one of " + known + ", or remove its settings.");
			}
			if (matches.size() > 1) {
				throw new BandmasterConfigurationException(
						"bandmaster.services." + settings.key() + " could configure any of the band services " + matches
								+ ".",
						"Configure them under their exact names (for environment variables, through "
								+ "SPRING_APPLICATION_JSON), or rename one of them.");
			}
			if (matches.size() == 1) {
				configured.computeIfAbsent(matches.get(0), (name) -> new ArrayList<>()).add(settings);
			}
		}
		return configured;
	}

	/**
	 * Parses a duration; {@code locator} names its key only for an error, so that the
	 * name is built only then.
	 */
	private static @Nullable Duration parseDuration(String value, UnaryOperator<String> locator, String key) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			String where = locator.apply(key);
			throw new BandmasterConfigurationException(where + " is '" + value + "', which is not a duration.",
					"Set " + where + " to a duration such as \"200ms\", \"2s\" or \"PT0.5S\".");
		}
	}

	private List<String> resolveAll(String[] values) {
		if (values.length == 0) {
			return List.of();
		}
		List<String> resolved = new ArrayList<>(values.length);
		for (String value : values) {
			resolved.add(resolve(value));
		}
		return Collections.unmodifiableList(resolved);
	}

	private String resolve(String value) {
		// Only a placeholder can resolve to something else: most values have none.
		if (!value.contains(PlaceholderConfigurerSupport.DEFAULT_PLACEHOLDER_PREFIX)) {
			return value;
		}
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
	 * What a scan of the bean definitions found.
	 *
	 * @param annotated the annotation of each bean annotated with {@link BandService}, by
	 * bean name, in bean definition order
	 * @param registrations the names of the {@link BandServiceRegistration} beans, in
	 * bean definition order
	 * @param read what the scan read of each bean definition, for a later scan to reuse
	 */
	record Scan(Map<String, BandService> annotated, List<String> registrations, BeanDefinitionScan read) {

	}

	/**
	 * The band services the bean definitions declare.
	 *
	 * @param services the declared services by name, with the configuration applied
	 * @param unnamedRegistrations the names of the {@link BandServiceRegistration} beans
	 * whose service is known only once they are created
	 */
	record Declarations(Map<String, Declaration> services, List<String> unnamedRegistrations) {

		/**
		 * Tells whether these are every band service of the application.
		 * @return {@code true} when no registration's service is still unknown
		 */
		boolean complete() {
			return this.unnamedRegistrations.isEmpty();
		}

	}

	/**
	 * One band service as its bean definition declares it: at one level (annotation or
	 * registration), or with the configuration applied over it.
	 *
	 * @param beanName the bean that is, or registers, the service
	 * @param annotated whether the bean is annotated with {@link BandService}, rather
	 * than a {@link BandServiceRegistration}
	 * @param name the service's name
	 * @param required whether it is required
	 * @param dependsOn the names it declares dependencies on
	 * @param tuning its tuning
	 * @param supervision what is done with it after the boot
	 * @param holds the names of the beans it holds
	 * @param holdsTypes the types of the beans it holds
	 * @param heldBeans finds the beans it holds by default, such as those of a gate
	 */
	record Declaration(String beanName, boolean annotated, String name, boolean required, List<String> dependsOn,
			Tuning tuning, Supervision supervision, List<String> holds, List<Class<?>> holdsTypes,
			HeldBeansDetector heldBeans) {

		/**
		 * Returns this declaration with the defaults under it and the configuration over
		 * it, in the order of precedence.
		 */
		Declaration configuredBy(List<ConfiguredService> configured, Tuning defaults, Supervision supervisionDefaults) {
			Tuning tuning = defaults.overriddenBy(this.tuning);
			Supervision supervision = supervisionDefaults.overriddenBy(this.supervision);
			boolean required = this.required;
			List<String> dependsOn = this.dependsOn;
			List<String> holds = this.holds;
			List<Class<?>> holdsTypes = this.holdsTypes;
			HeldBeansDetector heldBeans = this.heldBeans;
			for (ConfiguredService configuredService : configured) {
				ServiceSettings settings = configuredService.settings();
				tuning = tuning.overriddenBy(settings.tuning());
				supervision = supervision.overriddenBy(settings.supervision());
				if (settings.required() != null) {
					required = settings.required();
				}
				if (settings.dependsOn() != null) {
					dependsOn = settings.dependsOn();
				}
				if (settings.holds() != null) {
					holds = settings.holds();
					holdsTypes = List.of();
					heldBeans = HeldBeansDetector.NONE;
				}
			}
			return new Declaration(this.beanName, this.annotated, this.name, required, dependsOn, tuning, supervision,
					holds, holdsTypes, heldBeans);
		}

	}

	/**
	 * The settings under one key of {@code bandmaster.services}.
	 */
	record ConfiguredService(String key, ServiceSettings settings) {

	}

	/**
	 * A band service found in the bean factory, with its service, before the
	 * configuration is applied.
	 */
	private record Candidate(Declaration declaration, Service service) {

		String name() {
			return this.declaration.name();
		}

		String beanName() {
			return this.declaration.beanName();
		}

	}

}
