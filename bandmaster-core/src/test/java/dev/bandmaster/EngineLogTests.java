package dev.bandmaster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.bandmaster.testkit.RecordingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.bandmaster.Pauses.awaitCondition;
import static dev.bandmaster.Pauses.awaitUninterruptibly;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line the engine logs, at every level, goes through the maestro's sanitizer, which
 * masks credentials by default: read here from the real log (java.util.logging behind
 * slf4j in these tests), never a password.
 */
class EngineLogTests {

	private static final String SECRET = "hunter2";

	private static final String URL = "smtp://mail:" + SECRET + "@smtp.example.com";

	/** Held, so that the logging system keeps the level set on it. */
	private final Logger category = Logger.getLogger("dev.bandmaster.Maestro");

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Handler capture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			StringWriter line = new StringWriter();
			line.append(record.getLevel().getName()).append(' ').append(record.getMessage());
			if (record.getThrown() != null) {
				line.append('\n');
				record.getThrown().printStackTrace(new PrintWriter(line));
			}
			EngineLogTests.this.lines.add(line.toString());
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private Level previousLevel;

	@BeforeEach
	void captureEveryLevel() {
		this.previousLevel = this.category.getLevel();
		this.category.setLevel(Level.ALL);
		this.category.addHandler(this.capture);
	}

	@AfterEach
	void restore() {
		this.category.removeHandler(this.capture);
		this.category.setLevel(this.previousLevel);
	}

	@Test
	void masksCredentialsInEveryLineByDefault() throws Exception {
		Maestro maestro = Maestro.builder().listener(new MaestroListener() {

			@Override
			public void started(String serviceName, Duration duration, int attempts) {
				throw new IllegalStateException("listener could not reach " + URL);
			}

		}).build();
		failEverywhere(maestro);
		assertThat(this.lines).as("the lines logged").noneMatch((line) -> line.contains(SECRET));
		assertThat(this.lines).anyMatch((line) -> line.startsWith("INFO Service 'mailer' failed to start (attempt 1")
				&& line.contains("smtp://mail:******@smtp.example.com"));
		assertThat(this.lines).anyMatch((line) -> line.startsWith("WARNING Service 'mailer' failed to start after 2")
				&& line.contains("smtp://mail:******@"));
		assertThat(this.lines).anyMatch((line) -> line.startsWith("FINE Service 'mailer' failed to start\n")
				&& line.contains("java.io.IOException: " + "smtp://mail:******@")
				&& line.contains("at dev.bandmaster."));
		assertThat(this.lines).anyMatch((line) -> line.startsWith("WARNING Service 'stopper' failed to stop")
				&& line.contains("password=******"));
		assertThat(this.lines).anyMatch((line) -> line.startsWith("WARNING Listener ")
				&& line.contains("java.lang.IllegalStateException: listener could not reach smtp://mail:******@"));
		assertThat(this.lines)
			.anyMatch((line) -> line.startsWith("WARNING Service 'late' failed to stop after its " + "cancelled start")
					&& line.contains("Caused by: java.io.IOException: " + "smtp://mail:******@"));
	}

	@Test
	void passesEveryLineThroughTheSanitizerGiven() throws Exception {
		// The errors the engine builds mask passwords whatever the sanitizer, which then
		// takes out what else it is told to.
		UnaryOperator<String> sanitizer = (line) -> line.replace("smtp.example.com", "[mail server]");
		failEverywhere(Maestro.builder().sanitizer(sanitizer).build());
		assertThat(this.lines).noneMatch((line) -> line.contains(SECRET));
		assertThat(this.lines).noneMatch((line) -> line.contains("smtp.example.com"));
		assertThat(this.lines).anyMatch((line) -> line.contains("smtp://mail:******@[mail server]"));
	}

	@Test
	void masksCredentialsByDefaultWhenTheSanitizerFails() {
		UnaryOperator<String> failing = (line) -> {
			throw new IllegalStateException("broken sanitizer");
		};
		Maestro maestro = Maestro.builder().sanitizer(failing).build();
		maestro.addService("mailer", false, new RecordingService("mailer").onStart(() -> {
			throw new IOException(URL + " refused the connection");
		}));
		assertThat(maestro.startAll(Duration.ofSeconds(10))).hasSize(1);
		assertThat(this.lines).isNotEmpty().noneMatch((line) -> line.contains(SECRET));
		assertThat(this.lines).anyMatch((line) -> line.contains("smtp://mail:******@"));
	}

	/**
	 * Makes the maestro log each kind of line that carries an error: a retry, a final
	 * start failure (with its stack trace at debug level), a stop failure, a failing
	 * listener, and a late start whose undoing stop fails.
	 */
	private void failEverywhere(Maestro maestro) throws InterruptedException {
		maestro.addService(ServiceDefinition.builder("mailer", new RecordingService("mailer").onStart(() -> {
			throw new IOException(URL + " refused the connection");
		})).required(false).retries(1).initialBackoff(Duration.ZERO).build());
		maestro.addService("stopper", true, new RecordingService("stopper").onStop(() -> {
			throw new IllegalStateException("jdbc:postgresql://db/app?user=app&password=" + SECRET + " is gone");
		}));
		assertThat(maestro.startAll(Duration.ofSeconds(10))).hasSize(1);
		assertThat(maestro.stopAll(Duration.ofSeconds(10))).hasSize(1);

		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch entered = new CountDownLatch(1);
		RecordingService late = new RecordingService("late").onStart(() -> {
			entered.countDown();
			awaitUninterruptibly(release);
		}).onStop(() -> {
			throw new IllegalStateException("could not close", new IOException(URL + " closed the connection"));
		});
		maestro.addService("late", true, late);
		Thread boot = new Thread(() -> maestro.startAll(Duration.ofMillis(100)));
		boot.start();
		awaitUninterruptibly(entered);
		boot.join();
		release.countDown();
		awaitCondition(() -> this.lines.stream().anyMatch((line) -> line.contains("it stays started")),
				Duration.ofSeconds(10));
	}

}
