package dev.bandmaster.spring.autoconfigure.gate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.bandmaster.Maestro;
import dev.bandmaster.spring.BandServiceRegistration;
import dev.bandmaster.spring.autoconfigure.BandmasterAutoConfiguration;
import dev.bandmaster.spring.gate.RedisGate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a {@link RedisGate} per
 * {@link RedisConnectionFactory} bean, with {@code bandmaster.gates.redis.enabled=true}.
 */
// After Boot 4's auto-configuration, then Boot 3.5's: the sorter ignores the line that is
// absent.
@AutoConfiguration(after = BandmasterAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnBean(Maestro.class)
@ConditionalOnBooleanProperty("bandmaster.gates.redis.enabled")
@EnableConfigurationProperties(BandmasterGatesProperties.class)
public final class RedisGateAutoConfiguration {

	@Bean
	static GateRegistrar bandmasterRedisGates(Environment environment) {
		String name = GateRegistrar.properties(environment).getRedis().getName();
		return GateRegistrar.perBean(RedisConnectionFactory.class, name, RedisGateAutoConfiguration.class, "redisGate");
	}

	/**
	 * Makes the registration of the gate of one {@link RedisConnectionFactory} bean: the
	 * factory method of the bean definitions {@link GateRegistrar} registers.
	 */
	static BandServiceRegistration redisGate(String gateName, String beanName, ListableBeanFactory beanFactory) {
		return BandServiceRegistration.of(gateName,
				new RedisGate(beanFactory.getBean(beanName, RedisConnectionFactory.class), beanName));
	}

}
