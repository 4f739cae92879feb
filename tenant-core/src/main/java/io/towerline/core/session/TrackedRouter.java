package io.towerline.core.session;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.towerline.core.audit.CommandContext;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.client.RouterClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One router being tracked on this replica: its {@code listen} stream, its periodic
 * re-read and counter sample, and reconnecting when the stream breaks. Every step runs on
 * the router's serial queue (so the tracker sees one thing at a time) with the tenant
 * bound; timers live on the tracking's one shared scheduler.
 */
final class TrackedRouter {

	private static final Logger log = LoggerFactory.getLogger(TrackedRouter.class);

	private final TenantId tenant;

	private final SessionTracker tracker;

	private final TrackerServices services;

	private final SerialExecutor queue;

	/** Who the router's commands are attributed to in the command log. */
	private final CommandContext audit;

	private volatile boolean stopped;

	/** Failed connects in a row (touched only on the queue). */
	private int failures;

	private @Nullable RouterStream stream;

	private @Nullable ScheduledFuture<?> reread;

	private @Nullable ScheduledFuture<?> sample;

	private @Nullable ScheduledFuture<?> retry;

	TrackedRouter(TenantId tenant, UUID routerId, TrackerServices services) {
		this.tenant = tenant;
		this.services = services;
		this.tracker = new SessionTracker(tenant, routerId, services);
		this.queue = new SerialExecutor(services.workers());
		this.audit = new CommandContext(routerId, SessionTracker.ACTOR, null, null);
	}

	UUID routerId() {
		return this.tracker.routerId();
	}

	/**
	 * Connects after {@code delayNanos}; the periodic re-read and sample first run at a
	 * random point of their second interval, so the routers of a fleet taken together do
	 * not read and write in step for ever after (a first sample later than one interval
	 * loses nothing: a session's first reading counts whole).
	 */
	void start(long delayNanos) {
		long delay = TimeUnit.NANOSECONDS.toMillis(delayNanos);
		try {
			this.retry = this.services.scheduler().schedule(() -> submit(this::connect), delay, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return;
		}
		long reread = this.services.properties().rereadInterval().toMillis();
		long sample = this.services.properties().sampleInterval().toMillis();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.reread = this.services.scheduler()
			.scheduleWithFixedDelay(() -> submit(this::rereadTick), delay + reread + random.nextLong(reread), reread,
					TimeUnit.MILLISECONDS);
		this.sample = this.services.scheduler()
			.scheduleWithFixedDelay(() -> submit(this::sampleNow), delay + sample + random.nextLong(sample), sample,
					TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops tracking here (lease lost or given back); the router's sessions stay as read.
	 */
	void stop() {
		this.stopped = true;
		cancel(this.reread);
		cancel(this.sample);
		cancel(this.retry);
		this.queue.execute(() -> TenantContext.runAs(this.tenant, this::closeStream));
	}

	/**
	 * Runs a task on this router's queue (tests use it to sample or re-read now), as the
	 * session tracker doing routine reads: its stream openings are audited, its periodic
	 * reads are not one by one (ADR 0132).
	 */
	void submit(Runnable task) {
		this.queue.execute(() -> {
			if (!this.stopped) {
				TenantContext.runAs(this.tenant, () -> this.audit.callRoutineReads(() -> {
					task.run();
					return null;
				}));
			}
		});
	}

	/**
	 * Opens the {@code listen} stream and reads the whole table, on one of the trackers'
	 * connect permits throughout: the commands' audit writes need connections too, and a
	 * slow router then holds up other connects only, never the routine writes (ADR 0259).
	 */
	private void connect() {
		this.services.transactions().connecting(this::connectOnPermit);
	}

	private void connectOnPermit() {
		if (this.stopped) {
			return;
		}
		closeStream();
		try {
			RouterClient client = client();
			// listen first: what changes during the read queues behind it and is then
			// applied to an up-to-date copy
			this.stream = client.pppActive()
				.watch((event) -> submit(() -> this.tracker.on(event)), (error) -> submit(() -> lost(error)));
			this.tracker.reread(client);
			if (this.failures > 0) {
				log.info("Router {} of tenant {} is back; sessions re-read", this.tracker.routerId(), this.tenant);
			}
			this.failures = 0;
		}
		catch (RouterException ex) {
			lost(ex);
		}
		catch (RuntimeException ex) {
			// a database hiccup: try again like after a lost connection
			log.warn("Tracking router {} of tenant {} failed: {}", this.tracker.routerId(), this.tenant, ex.toString());
			this.tracker.lostSight();
			closeStream();
			scheduleReconnect();
		}
	}

	private void lost(RouterException ex) {
		if (this.stopped) {
			return;
		}
		if (this.failures == 0) {
			log.info("Lost router {} of tenant {} ({}); reconnecting", this.tracker.routerId(), this.tenant,
					ex.getMessage());
		}
		else {
			log.debug("Router {} of tenant {} still unreachable: {}", this.tracker.routerId(), this.tenant,
					ex.getMessage());
		}
		this.tracker.lostSight();
		closeStream();
		scheduleReconnect();
	}

	/**
	 * Tries again after the reconnect delay, doubled after each failure in a row up to 12
	 * times the delay, so a router down for days costs a try a minute, not every 5 s.
	 */
	private void scheduleReconnect() {
		cancel(this.retry);
		long delay = this.services.properties().reconnectDelay().toMillis() << Math.min(this.failures, 3);
		delay = Math.min(delay, this.services.properties().reconnectDelay().toMillis() * 12);
		this.failures++;
		try {
			this.retry = this.services.scheduler().schedule(() -> submit(this::connect), delay, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the tracking is shutting down
		}
	}

	private void rereadTick() {
		RouterStream current = this.stream;
		if (current == null || !current.isOpen()) {
			connect();
			return;
		}
		try {
			this.tracker.reread(client());
		}
		catch (RouterException ex) {
			lost(ex);
		}
	}

	void sampleNow() {
		try {
			this.tracker.sample(client());
		}
		catch (RouterException ex) {
			log.debug("Sampling router {} of tenant {} failed: {}", this.tracker.routerId(), this.tenant,
					ex.getMessage());
		}
	}

	void rereadNow() {
		rereadTick();
	}

	private RouterClient client() {
		return this.services.clients().client(this.tracker.routerId());
	}

	private void closeStream() {
		RouterStream current = this.stream;
		this.stream = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (RuntimeException ex) {
				log.debug("Closing the session stream of router {} failed: {}", this.tracker.routerId(), ex.toString());
			}
		}
	}

	private static void cancel(@Nullable ScheduledFuture<?> future) {
		if (future != null) {
			future.cancel(false);
		}
	}

	int sessions() {
		return this.tracker.size();
	}

	@Override
	public String toString() {
		return Objects.toString(this.tracker.routerId());
	}

}
