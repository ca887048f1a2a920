package dev.bandmaster.spring.gate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source whose {@code getConnection} hangs as a driver stuck in the network does:
 * it swallows every interruption and returns only once {@linkplain #close() closed}, with
 * an error. Thread-safe.
 */
final class UninterruptibleDataSource implements DataSource, AutoCloseable {

	private final CountDownLatch released = new CountDownLatch(1);

	@Override
	public Connection getConnection() throws SQLException {
		boolean interrupted = false;
		while (this.released.getCount() > 0) {
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				// Swallowed on purpose, as a driver blocked in a socket read does.
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		throw new SQLException("released by the test");
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	/** Lets every hanging {@code getConnection} return. */
	@Override
	public void close() {
		this.released.countDown();
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException("no logger");
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

}
