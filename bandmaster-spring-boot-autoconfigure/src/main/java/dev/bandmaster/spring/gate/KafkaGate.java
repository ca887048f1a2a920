package dev.bandmaster.spring.gate;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaFuture;

/**
 * A gate that asks a Kafka cluster to describe itself with the Kafka {@link Admin} client
 * and, when given topics, checks that they exist. Each check creates an {@link Admin}
 * from the configuration and closes it before returning, whatever the outcome, so that no
 * client outlives a failed attempt.
 * <p>
 * The check runs on a thread of its own, so an attempt timeout ends the attempt at once;
 * the cluster's answer is awaited for at most the gate's timeout. Thread-safe: the gate
 * keeps nothing between checks.
 */
public class KafkaGate extends Gate {

	/**
	 * The longest timeout: the Admin client takes it in {@code int} milliseconds.
	 */
	public static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

	private final Map<String, Object> adminConfig;

	private final String description;

	private final Duration timeout;

	private final List<String> topics;

	/**
	 * Creates a gate.
	 * @param adminConfig the configuration of the {@link Admin} client, with
	 * {@code bootstrap.servers} and whatever security the cluster needs (a
	 * {@code KafkaAdmin}'s {@code getConfigurationProperties()}); a {@code client.id} is
	 * added when it has none
	 * @param description what to call the cluster in errors, e.g. the bean name of its
	 * {@code KafkaAdmin}
	 * @param timeout how long the cluster may take to describe itself, and to list its
	 * topics; at most {@link #MAX_TIMEOUT}
	 * @param topics the topics that must exist, possibly none
	 */
	public KafkaGate(Map<String, Object> adminConfig, String description, Duration timeout, Collection<String> topics) {
		Map<String, Object> config = new HashMap<>(adminConfig);
		this.description = Objects.requireNonNull(description, "description must not be null");
		config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "bandmaster-gate-" + description);
		this.adminConfig = Collections.unmodifiableMap(config);
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new IllegalArgumentException("A Kafka gate's timeout must be positive and at most "
					+ Integer.MAX_VALUE + " ms, but was " + timeout);
		}
		this.topics = List.copyOf(topics);
	}

	@Override
	public void check() throws Exception {
		InterruptibleCall.call(this.description, () -> {
			Admin admin = Admin.create(this.adminConfig);
			try {
				describe(admin);
				if (!this.topics.isEmpty()) {
					checkTopics(admin);
				}
			}
			finally {
				// Aborts whatever is still pending, such as a request an attempt timeout
				// cut short.
				admin.close(Duration.ZERO);
			}
			return null;
		});
	}

	private void describe(Admin admin) throws Exception {
		await(admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis())).nodes(),
				"describe itself");
	}

	private void checkTopics(Admin admin) throws Exception {
		Set<String> existing = await(
				admin.listTopics(new ListTopicsOptions().timeoutMs(timeoutMillis()).listInternal(true)).names(),
				"list its topics");
		List<String> missing = this.topics.stream().filter((topic) -> !existing.contains(topic)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Kafka cluster " + where() + " has no topic " + String.join(", ", missing)
					+ " (required: " + String.join(", ", this.topics) + ")");
		}
	}

	private <T> T await(KafkaFuture<T> future, String what) throws Exception {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IOException("Kafka cluster " + where() + " did not " + what + ": " + cause.getMessage(), cause);
		}
	}

	private String where() {
		return "'" + this.description + "' (" + this.adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ")";
	}

	private int timeoutMillis() {
		return (int) this.timeout.toMillis();
	}

	@Override
	public String toString() {
		return "KafkaGate[" + this.description + "]";
	}

}
