package dev.bandmaster.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Component;

import dev.bandmaster.Restart;

/**
 * Marks a bean implementing {@link dev.bandmaster.Service} as a band service: it is
 * started when the application context starts, after every service it depends on, and
 * stopped in reverse order when the context closes.
 * <p>
 * On a class, this is a stereotype picked up by component scanning. On a {@code @Bean}
 * method, it makes a band service of a bean whose class the application does not own. A
 * band service depends on the services named in {@link #dependsOn()}, on those named by
 * {@code bandmaster.services.<name>.depends-on}, and on every band service bean injected
 * into it.
 * <p>
 * Every attribute can be overridden by configuration, under
 * {@code bandmaster.services.<name>}; attributes left to their default take the values
 * under {@code bandmaster.defaults}. Attribute values may hold {@code ${...}}
 * placeholders.
 *
 * @see BandServiceRegistration
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface BandService {

	/**
	 * The value of {@link #retries()} that means "the configured default".
	 */
	int DEFAULT_RETRIES = -1;

	/**
	 * The name of the service, unique in the application; other services use it to depend
	 * on this one.
	 * @return the name, or an empty string for the bean name
	 */
	String name() default "";

	/**
	 * Whether the application needs the service: a required service that fails to start
	 * fails the application's startup (or, in background mode, keeps it not ready); an
	 * optional one is reported and the application runs.
	 * @return {@code true} for a required service
	 */
	boolean required() default true;

	/**
	 * The names of the services that must be started before this one.
	 * @return the names of its dependencies
	 */
	String[] dependsOn() default {};

	/**
	 * How many times a failed start, or stop, is tried again.
	 * @return zero or more, or {@link #DEFAULT_RETRIES} for
	 * {@code bandmaster.defaults.retries}
	 */
	int retries() default DEFAULT_RETRIES;

	/**
	 * The wait before the first retry, doubled before each next one by default: a
	 * duration such as {@code "200ms"} or {@code "2s"}, or an ISO-8601 duration.
	 * @return a positive duration, or an empty string for
	 * {@code bandmaster.defaults.initial-backoff}
	 */
	String initialBackoff() default "";

	/**
	 * What is done when the service is found failing after the boot, by its
	 * {@linkplain dev.bandmaster.Service#check() check} or a
	 * {@linkplain dev.bandmaster.Maestro#reportFailure report}:
	 * {@code @BandService(restart = Restart.ON_FAILURE)} restarts it, and the services
	 * that depend on it, once it is back. An array only so that it can be left unset: at
	 * most one value.
	 * @return the restart, or none for {@code bandmaster.defaults.restart}
	 * ({@link dev.bandmaster.Restart#NEVER} by default)
	 */
	Restart[] restart() default {};

	/**
	 * How often the service's {@linkplain dev.bandmaster.Service#check() check} runs
	 * after the boot: a duration such as {@code "5s"}, or an ISO-8601 duration.
	 * @return a positive duration, or an empty string for
	 * {@code bandmaster.defaults.check-interval} (by default 10 seconds with
	 * {@link dev.bandmaster.Restart#ON_FAILURE}, never checked otherwise)
	 */
	String checkInterval() default "";

	/**
	 * The names of the beans that must not be created before this service has started,
	 * such as {@code "flywayInitializer"}: when the first of them is about to be created,
	 * the service and every service it depends on are started, and the bean's creation
	 * waits for them. {@code bandmaster.services.<name>.holds} replaces them.
	 * @return the names of the beans it holds
	 * @see #holdsTypes()
	 */
	String[] holds() default {};

	/**
	 * The types of the beans that must not be created before this service has started:
	 * every bean of one of these types is held, as by {@link #holds()}.
	 * @return the types of the beans it holds
	 */
	Class<?>[] holdsTypes() default {};

}
