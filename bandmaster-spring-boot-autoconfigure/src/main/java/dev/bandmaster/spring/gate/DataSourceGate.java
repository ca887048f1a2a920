package dev.bandmaster.spring.gate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * A gate that borrows a connection from a {@link DataSource} and validates it with
 * {@link Connection#isValid(int)}, then gives it back.
 */
public class DataSourceGate extends Gate {

	private final DataSource dataSource;

	private final String description;

	private final Duration validationTimeout;

	/**
	 * Creates a gate.
	 * @param dataSource the data source to check
	 * @param description what to call it in errors, e.g. its bean name
	 * @param validationTimeout how long {@link Connection#isValid(int)} may take (rounded
	 * up to whole seconds)
	 */
	public DataSourceGate(DataSource dataSource, String description, Duration validationTimeout) {
		this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
		this.description = Objects.requireNonNull(description, "description must not be null");
		this.validationTimeout = Objects.requireNonNull(validationTimeout, "validationTimeout must not be null");
	}

	@Override
	public void check() throws Exception {
		// Whole seconds, rounded up, as isValid takes them; saturated, as no driver
		// waits longer than Integer.MAX_VALUE seconds anyway.
		long wholeSeconds = this.validationTimeout.getSeconds() + ((this.validationTimeout.getNano() > 0) ? 1 : 0);
		int seconds = (int) Math.min(Integer.MAX_VALUE, Math.max(1, wholeSeconds));
		InterruptibleCall.call(this.description, () -> {
			try (Connection connection = this.dataSource.getConnection()) {
				if (!connection.isValid(seconds)) {
					throw new SQLException("A connection from data source '" + this.description
							+ "' is not valid after " + seconds + "s");
				}
			}
			return null;
		});
	}

	@Override
	public String toString() {
		return "DataSourceGate[" + this.description + "]";
	}

}
