package dev.bandmaster.spring.gate;

import java.util.Objects;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * A gate that opens a connection from a {@link RedisConnectionFactory} and sends
 * {@code PING}.
 */
public class RedisGate extends Gate {

	private final RedisConnectionFactory connectionFactory;

	private final String description;

	/**
	 * Creates a gate.
	 * @param connectionFactory the factory to check
	 * @param description what to call it in errors, e.g. its bean name
	 */
	public RedisGate(RedisConnectionFactory connectionFactory, String description) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory must not be null");
		this.description = Objects.requireNonNull(description, "description must not be null");
	}

	@Override
	public void check() throws Exception {
		InterruptibleCall.call(this.description, () -> {
			try (RedisConnection connection = this.connectionFactory.getConnection()) {
				String answer = connection.ping();
				if (!"PONG".equalsIgnoreCase(answer)) {
					throw new IllegalStateException(
							"Redis '" + this.description + "' answered PING with '" + answer + "', not PONG");
				}
			}
			return null;
		});
	}

	@Override
	public String toString() {
		return "RedisGate[" + this.description + "]";
	}

}
