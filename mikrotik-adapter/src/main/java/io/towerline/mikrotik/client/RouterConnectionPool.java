package io.towerline.mikrotik.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.towerline.mikrotik.RouterUnreachableException;
import io.towerline.mikrotik.RouterUnreachableException.Reason;
import io.towerline.mikrotik.connection.RouterConnection;
import org.jspecify.annotations.Nullable;

/**
 * The connections to one router. A connection carries many tagged commands at once, so
 * callers share the least busy one; another is opened only when all are at their
 * in-flight limit, up to the pool's bound. Dead connections are dropped on the next call
 * (which therefore reconnects); idle ones are closed by the sweeper.
 */
final class RouterConnectionPool implements AutoCloseable {

	private final String router;

	private final Supplier<RouterConnection> connector;

	private final int maxConnections;

	private final int maxInFlightPerConnection;

	private final long idleNanos;

	private final List<RouterConnection> connections = new ArrayList<>();

	private final ReentrantLock lock = new ReentrantLock();

	private boolean closed;

	/**
	 * The last failed connect and when it ended, shared with the callers that waited on
	 * it.
	 */
	private @Nullable RuntimeException connectFailure;

	private long connectFailedAt;

	RouterConnectionPool(String router, Supplier<RouterConnection> connector, int maxConnections,
			int maxInFlightPerConnection, Duration idleTimeout) {
		this.router = router;
		this.connector = connector;
		this.maxConnections = maxConnections;
		this.maxInFlightPerConnection = maxInFlightPerConnection;
		this.idleNanos = idleTimeout.toNanos();
	}

	/**
	 * A live connection to send on; opens one (login included) when needed. A caller that
	 * waited while another one's connect failed gets that failure instead of connecting
	 * again: a router that accepts but never answers its login would otherwise hold every
	 * caller for its own full login timeout, one after the other (twelve operations for
	 * one router: two minutes RUNNING for the last of them).
	 */
	RouterConnection acquire() {
		long arrived = System.nanoTime();
		this.lock.lock();
		try {
			if (this.closed) {
				throw new RouterUnreachableException(this.router, Reason.CLIENT_CLOSED, "client closed", null);
			}
			this.connections.removeIf((connection) -> !connection.isOpen());
			RouterConnection least = this.connections.stream()
				.min(Comparator.comparingInt(RouterConnection::inFlight))
				.orElse(null);
			if (least != null && (least.inFlight() < this.maxInFlightPerConnection
					|| this.connections.size() >= this.maxConnections)) {
				return least;
			}
			RuntimeException failed = this.connectFailure;
			if (failed != null && this.connectFailedAt - arrived > 0) {
				throw failed;
			}
			RouterConnection fresh;
			try {
				fresh = this.connector.get();
			}
			catch (RuntimeException ex) {
				this.connectFailure = ex;
				this.connectFailedAt = System.nanoTime();
				throw ex;
			}
			this.connectFailure = null;
			this.connections.add(fresh);
			return fresh;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Closes connections that carried nothing for the idle timeout; returns how many are
	 * left.
	 */
	int evictIdle() {
		long now = System.nanoTime();
		this.lock.lock();
		try {
			this.connections.removeIf((connection) -> {
				boolean idle = connection.inFlight() == 0 && now - connection.lastUsedNanos() > this.idleNanos;
				if (idle) {
					connection.close();
				}
				return idle || !connection.isOpen();
			});
			return this.connections.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	int openConnections() {
		this.lock.lock();
		try {
			return (int) this.connections.stream().filter(RouterConnection::isOpen).count();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.connections.forEach(RouterConnection::close);
			this.connections.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

}
