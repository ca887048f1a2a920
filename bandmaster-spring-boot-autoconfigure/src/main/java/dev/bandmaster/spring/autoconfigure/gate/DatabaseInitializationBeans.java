package dev.bandmaster.spring.autoconfigure.gate;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;

import dev.bandmaster.spring.lifecycle.HeldBeansDetector;

/**
 * Finds the beans that touch a database while they are created, as Spring Boot knows
 * them: the beans that initialize it (Flyway, Liquibase, SQL scripts...), named by every
 * {@link DatabaseInitializerDetector}, and those that depend on its initialization (JPA's
 * {@code EntityManagerFactory}, {@code JdbcTemplate}, jOOQ...), named by every
 * {@link DependsOnDatabaseInitializationDetector}; both loaded from
 * {@code spring.factories}, as Spring Boot orders them among themselves. A datasource
 * gate holds them. Stateless.
 */
final class DatabaseInitializationBeans implements HeldBeansDetector {

	private final Environment environment;

	DatabaseInitializationBeans(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
		SpringFactoriesLoader loader = SpringFactoriesLoader
			.forDefaultResourceLocation(beanFactory.getBeanClassLoader());
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, this.environment);
		Set<String> beans = new LinkedHashSet<>();
		loader.load(DatabaseInitializerDetector.class, arguments)
			.forEach((detector) -> beans.addAll(detector.detect(beanFactory)));
		loader.load(DependsOnDatabaseInitializationDetector.class, arguments)
			.forEach((detector) -> beans.addAll(detector.detect(beanFactory)));
		return beans;
	}

}
