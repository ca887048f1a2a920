package dev.bandmaster.spring.lifecycle;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

import dev.bandmaster.BandmasterException;
import dev.bandmaster.Dependencies;
import dev.bandmaster.ErrorKind;
import dev.bandmaster.Maestro;
import dev.bandmaster.Service;
import dev.bandmaster.ServiceDefinition;
import dev.bandmaster.spring.BandmasterConfigurationException;
import dev.bandmaster.spring.BandmasterStartupException;
import dev.bandmaster.spring.diagnostics.Suggestions;
import dev.bandmaster.spring.lifecycle.BandServiceCollector.Declaration;
import dev.bandmaster.spring.lifecycle.BandServiceCollector.Declarations;

/**
 * Works on the band services once every bean definition is known and before any bean is
 * created, so that nothing touches a database or a broker first:
 * <ol>
 * <li>checks the configuration ({@code bandmaster.*} values and the names under
 * {@code bandmaster.services}), the annotations and the declared graph (missing
 * dependencies and loops), failing the startup with the same errors the boot would
 * report;</li>
 * <li>makes each bean a band service holds depend on a {@link ServiceHold} of that
 * service, so that the bean is created only once the service has started;</li>
 * <li>registers what it read of the bean definitions ({@link BeanDefinitionScan}), which
 * the lifecycle's scans reuse for the definitions that have not changed since.</li>
 * </ol>
 * Registrations whose service is known only once created ({@code @Bean} methods returning
 * a {@code BandServiceRegistration}) cannot be seen here: while there are any, a name
 * under {@code bandmaster.services} or a dependency that no declared service has is left
 * for the boot to check. Under AOT, the held beans' dependencies are already in the
 * generated bean definitions, and this does nothing.
 * <p>
 * Public for the auto-configuration, which creates it: not an API of its own. Not
 * thread-safe: Spring calls it once, on the thread that refreshes the context.
 */
public final class BandServiceGraphPostProcessor implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	/** What stands for each service in the graph that is checked: it is never started. */
	private static final Service DECLARED = new Service() {

		@Override
		public void start(Dependencies dependencies) {
		}

		@Override
		public void stop() {
		}

	};

	private final Function<Environment, BandmasterSettings> settings;

	private @Nullable Environment environment;

	/**
	 * Creates a post-processor. It is told the environment ({@link EnvironmentAware})
	 * rather than given it, since resolving a parameter of the method that creates it
	 * would look its type up among every bean definition, none cached yet.
	 * @param settings gives the settings from the environment, when the post-processor
	 * runs, as no configuration properties bean exists yet then: the auto-configuration
	 * binds them and checks them, failing with the key of a bad value
	 */
	public BandServiceGraphPostProcessor(Function<Environment, BandmasterSettings> settings) {
		this.settings = settings;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Runs after Spring Boot's own post-processors, the one that sets up placeholders and
	 * the one that orders database initialization among them.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (AotDetector.useGeneratedArtifacts()) {
			return;
		}
		Environment environment = this.environment;
		Assert.state(environment != null, "No environment set");
		BandmasterSettings settings = this.settings.apply(environment);
		if (!beanFactory.hasEmbeddedValueResolver()) {
			// What the context registers before creating beans when no placeholder
			// configurer did, so that annotations' placeholders resolve here as later.
			beanFactory.addEmbeddedValueResolver(environment::resolvePlaceholders);
		}
		BandServiceCollector collector = new BandServiceCollector(beanFactory, settings);
		BandServiceCollector.Scan scan = collector.scan(false);
		Declarations declarations = collector.declarations(scan);
		checkGraph(declarations);
		for (Declaration declaration : declarations.services().values()) {
			Set<String> held = heldBeans(beanFactory, declaration, declarations);
			if (!held.isEmpty()) {
				hold(beanFactory, declaration.name(), held);
			}
		}
		// For the lifecycle's scans, which read again only the definitions that changed.
		scan.read().registerIn(beanFactory);
	}

	/**
	 * Checks the declared graph with the engine's own validation, so that the errors are
	 * those of the boot.
	 */
	private static void checkGraph(Declarations declarations) {
		Maestro graph = new Maestro();
		for (Declaration declaration : declarations.services().values()) {
			graph.addService(ServiceDefinition.builder(declaration.name(), DECLARED)
				.required(declaration.required())
				.dependsOn(declaration.dependsOn())
				.build());
		}
		List<BandmasterException> problems = graph.validate()
			.stream()
			.filter((problem) -> declarations.complete() || problem.kind() == ErrorKind.DEPENDENCY_CIRCULAR)
			.toList();
		if (!problems.isEmpty()) {
			throw BandmasterStartupException.invalidGraph(problems, declarations.services().keySet());
		}
	}

	/**
	 * Returns the beans a service holds: those it names, those of the types it names, and
	 * those its gate finds; less, for the beans found, those of the services it needs,
	 * which must exist before it can start.
	 */
	private static Set<String> heldBeans(ConfigurableListableBeanFactory beanFactory, Declaration declaration,
			Declarations declarations) {
		Set<String> held = new LinkedHashSet<>();
		if (declaration.holds().isEmpty() && declaration.holdsTypes().isEmpty()
				&& declaration.heldBeans() == HeldBeansDetector.NONE) {
			// Most services hold nothing: no walk of the graph for them.
			return held;
		}
		Set<String> needed = neededBeans(declaration, declarations);
		for (String beanName : declaration.holds()) {
			if (!beanFactory.containsBeanDefinition(beanName)) {
				String suggestion = Suggestions.closest(beanName, List.of(beanFactory.getBeanDefinitionNames()));
				throw new BandmasterConfigurationException(
						"Band service '" + declaration.name() + "' holds bean '" + beanName
								+ "', but there is no bean definition of that name"
								+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "") + ".",
						"Correct the name in bandmaster.services." + declaration.name() + ".holds or in the "
								+ "@BandService(holds) of bean '" + declaration.beanName() + "'.");
			}
			if (needed.contains(beanName)) {
				throw new BandmasterConfigurationException(
						"Band service '" + declaration.name() + "' holds bean '" + beanName
								+ "', which it needs to start: neither could ever be created.",
						"Remove '" + beanName + "' from bandmaster.services." + declaration.name() + ".holds or the "
								+ "@BandService(holds) of bean '" + declaration.beanName() + "'.");
			}
			held.add(beanName);
		}
		for (Class<?> type : declaration.holdsTypes()) {
			held.addAll(Arrays.asList(beanFactory.getBeanNamesForType(type, true, false)));
		}
		held.addAll(declaration.heldBeans().detect(beanFactory));
		held.removeAll(needed);
		// A singleton registered without a definition exists already: nothing to hold.
		held.removeIf((beanName) -> !beanFactory.containsBeanDefinition(beanName));
		return held;
	}

	/**
	 * Returns the beans of a service and of every service it depends on, as declared.
	 */
	private static Set<String> neededBeans(Declaration declaration, Declarations declarations) {
		Map<String, Declaration> services = declarations.services();
		Set<String> beans = new HashSet<>();
		Deque<Declaration> toVisit = new ArrayDeque<>(List.of(declaration));
		Set<String> visited = new HashSet<>();
		while (!toVisit.isEmpty()) {
			Declaration current = toVisit.pop();
			if (visited.add(current.name())) {
				beans.add(current.beanName());
				current.dependsOn().stream().map(services::get).filter((d) -> d != null).forEach(toVisit::add);
			}
		}
		return beans;
	}

	private static void hold(ConfigurableListableBeanFactory beanFactory, String serviceName, Set<String> heldBeans) {
		String holdName = ServiceHold.BEAN_NAME_PREFIX + serviceName;
		RootBeanDefinition hold = new RootBeanDefinition(ServiceHold.class);
		hold.getConstructorArgumentValues().addIndexedArgumentValue(0, serviceName);
		hold.getConstructorArgumentValues().addIndexedArgumentValue(1, List.copyOf(heldBeans));
		hold.getConstructorArgumentValues()
			.addIndexedArgumentValue(2, new RuntimeBeanReference(BandmasterLifecycle.class));
		hold.setLazyInit(true);
		hold.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		((BeanDefinitionRegistry) beanFactory).registerBeanDefinition(holdName, hold);
		for (String beanName : heldBeans) {
			BeanDefinition held = beanFactory.getBeanDefinition(beanName);
			Set<String> dependsOn = new LinkedHashSet<>();
			if (held.getDependsOn() != null) {
				dependsOn.addAll(Arrays.asList(held.getDependsOn()));
			}
			dependsOn.add(holdName);
			held.setDependsOn(dependsOn.toArray(String[]::new));
		}
	}

}
