package io.towerline.mikrotik.client;

import java.time.Duration;

import io.towerline.mikrotik.resilience.RetryPolicy;

/**
 * Tuning shared by all routers of one {@link RouterClients}. The defaults suit a
 * WAN-connected router fleet.
 *
 * @param connectTimeout TCP connect plus TLS handshake
 * @param loginTimeout the {@code /login} exchange
 * @param commandTimeout one command, from sending to {@code !done}
 * @param cancelGrace how long a router may take to confirm {@code /cancel} before its
 * connection is closed
 * @param maxConnectionsPerRouter connections per router; each multiplexes many tagged
 * commands
 * @param maxInFlightPerConnection tagged commands in flight on one connection before
 * another is opened
 * @param batchInFlight commands a batch keeps in flight on its connection
 * @param idleTimeout idle connections are closed after this
 * @param commandsPerSecond per-router sustained command rate
 * @param commandBurst per-router burst
 * @param breakerFailureThreshold consecutive transport failures that open the circuit
 * @param breakerOpenDuration how long an open circuit refuses calls
 * @param readRetry retries for reads
 */
public record RouterClientSettings(Duration connectTimeout, Duration loginTimeout, Duration commandTimeout,
		Duration cancelGrace, int maxConnectionsPerRouter, int maxInFlightPerConnection, int batchInFlight,
		Duration idleTimeout, long commandsPerSecond, long commandBurst, int breakerFailureThreshold,
		Duration breakerOpenDuration, RetryPolicy readRetry) {

	public static RouterClientSettings defaults() {
		return builder().build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Starts from the defaults; set only what differs. */
	public static final class Builder {

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration loginTimeout = Duration.ofSeconds(10);

		private Duration commandTimeout = Duration.ofSeconds(30);

		private Duration cancelGrace = Duration.ofSeconds(5);

		private int maxConnectionsPerRouter = 2;

		private int maxInFlightPerConnection = 64;

		private int batchInFlight = 32;

		private Duration idleTimeout = Duration.ofMinutes(5);

		private long commandsPerSecond = 50;

		private long commandBurst = 200;

		private int breakerFailureThreshold = 5;

		private Duration breakerOpenDuration = Duration.ofSeconds(30);

		private RetryPolicy readRetry = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));

		private Builder() {
		}

		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		public Builder loginTimeout(Duration loginTimeout) {
			this.loginTimeout = loginTimeout;
			return this;
		}

		public Builder commandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
			return this;
		}

		public Builder cancelGrace(Duration cancelGrace) {
			this.cancelGrace = cancelGrace;
			return this;
		}

		public Builder pool(int maxConnectionsPerRouter, int maxInFlightPerConnection, Duration idleTimeout) {
			this.maxConnectionsPerRouter = maxConnectionsPerRouter;
			this.maxInFlightPerConnection = maxInFlightPerConnection;
			this.idleTimeout = idleTimeout;
			return this;
		}

		public Builder batchInFlight(int batchInFlight) {
			this.batchInFlight = batchInFlight;
			return this;
		}

		public Builder throttle(long commandsPerSecond, long burst) {
			this.commandsPerSecond = commandsPerSecond;
			this.commandBurst = burst;
			return this;
		}

		public Builder breaker(int failureThreshold, Duration openDuration) {
			this.breakerFailureThreshold = failureThreshold;
			this.breakerOpenDuration = openDuration;
			return this;
		}

		public Builder readRetry(RetryPolicy readRetry) {
			this.readRetry = readRetry;
			return this;
		}

		public RouterClientSettings build() {
			return new RouterClientSettings(this.connectTimeout, this.loginTimeout, this.commandTimeout,
					this.cancelGrace, this.maxConnectionsPerRouter, this.maxInFlightPerConnection, this.batchInFlight,
					this.idleTimeout, this.commandsPerSecond, this.commandBurst, this.breakerFailureThreshold,
					this.breakerOpenDuration, this.readRetry);
		}

	}

}
