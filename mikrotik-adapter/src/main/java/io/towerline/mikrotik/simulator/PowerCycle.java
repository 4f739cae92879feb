package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A simulated router's power: whether it is up, its reboots (with the window in which it
 * refuses connections), the reboot a loaded backup causes, and the final shutdown. One
 * lock orders them, so that a close during a reboot's delay is never undone by its boot.
 */
final class PowerCycle {

	private static final System.Logger log = System.getLogger(PowerCycle.class.getName());

	/**
	 * The pause between a backup load's reply and its reboot, so that the reply leaves.
	 */
	private static final Duration BACKUP_LOAD_REBOOT_PAUSE = Duration.ofMillis(50);

	private final SimulatedRouter router;

	private final ListeningPort listening;

	private final Duration rebootDelay;

	private final @Nullable BackgroundActivity background;

	private final @Nullable ScheduledFuture<?> backgroundTick;

	private final Object lock = new Object();

	private final AtomicInteger backupReboots = new AtomicInteger();

	private volatile boolean up = true;

	private volatile boolean closed;

	/** Counts reboots, so that only the boot of the latest one brings the router up. */
	private long bootGeneration;

	PowerCycle(SimulatedRouter router, ListeningPort listening, Duration rebootDelay,
			@Nullable BackgroundActivity background, @Nullable ScheduledFuture<?> backgroundTick) {
		this.router = router;
		this.listening = listening;
		this.rebootDelay = rebootDelay;
		this.background = background;
		this.backgroundTick = backgroundTick;
	}

	boolean isUp() {
		return this.up;
	}

	int backupReboots() {
		return this.backupReboots.get();
	}

	void reboot() {
		long reboot;
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.up = false;
			if (this.background != null) {
				this.background.paused(true);
			}
			if (!this.rebootDelay.isZero()) {
				this.listening.stopListening();
			}
			this.listening.dropAllConnections();
			List<String> wasOnline = this.router.reboot();
			if (this.background != null) {
				this.background.redialAfterBoot(wasOnline, this.rebootDelay);
			}
			if (this.rebootDelay.isZero()) {
				booted();
				return;
			}
			reboot = ++this.bootGeneration;
		}
		Thread.ofVirtual().name("simulator-boot").start(() -> {
			try {
				Thread.sleep(this.rebootDelay);
				boot(reboot);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	/**
	 * The reboot after {@code /system/backup/load}: every PPP session ends and every
	 * connection drops, just after the load's reply has left.
	 */
	void rebootAfterBackupLoad() {
		Thread.ofVirtual().name("simulator-reboot").start(() -> {
			try {
				Thread.sleep(BACKUP_LOAD_REBOOT_PAUSE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.backupReboots.incrementAndGet();
			reboot();
		});
	}

	/**
	 * Switches the router off for good; {@code release} then frees what else it holds
	 * (other services).
	 */
	void close(Runnable release) {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.up = false;
			if (this.backgroundTick != null) {
				SimulatorTicker.stop(this.backgroundTick);
			}
			this.listening.stopListening();
			this.listening.dropAllConnections();
			release.run();
		}
	}

	private void boot(long reboot) {
		synchronized (this.lock) {
			if (this.closed || reboot != this.bootGeneration) {
				return;
			}
			try {
				this.listening.listenAgain();
			}
			catch (IOException ex) {
				log.log(Level.WARNING, "simulated router could not listen again after its reboot", ex);
				return;
			}
			booted();
		}
	}

	private void booted() {
		this.up = true;
		if (this.background != null) {
			this.background.paused(false);
		}
	}

}
