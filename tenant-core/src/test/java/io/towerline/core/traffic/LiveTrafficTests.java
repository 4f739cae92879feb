package io.towerline.core.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.towerline.core.tenancy.TenantId;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.RouterUnreachableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sharing and recovery rules of {@link LiveTraffic}, against a fake router stream:
 * one router stream per interface however many watchers, stopped by the last one to
 * leave, interruptions that keep the watch alive, and late joiners told the current
 * state.
 */
class LiveTrafficTests {

	private static final TenantId TENANT = TenantId.of("acme");

	private static final UUID ROUTER = UUID.randomUUID();

	private final FakeRouter router = new FakeRouter();

	private final LiveTraffic live = new LiveTraffic(this.router,
			new TrafficProperties(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(30), null, null),
			Clock.systemUTC());

	@AfterEach
	void stop() {
		this.live.destroy();
	}

	@Test
	void shouldOpenOneRouterStreamForManyWatchersAndCancelItWhenTheLastLeaves() {
		List<TrafficEvent> first = new CopyOnWriteArrayList<>();
		List<TrafficEvent> second = new CopyOnWriteArrayList<>();
		TrafficWatch one = this.live.watch(TENANT, ROUTER, "<pppoe-alice>", first::add);
		TrafficWatch two = this.live.watch(TENANT, ROUTER, "<pppoe-alice>", second::add);
		await().until(() -> this.router.opened.get() == 1 && this.router.current != null);
		this.router.emit(1000);
		await().until(() -> first.size() == 1 && second.size() == 1);
		one.close();
		assertThat(this.router.cancelled.get()).isZero();
		this.router.emit(2000);
		await().until(() -> second.size() == 2);
		assertThat(first).hasSize(1);
		two.close();
		assertThat(this.router.cancelled.get()).isEqualTo(1);
		assertThat(this.live.streams()).isZero();
		assertThat(this.router.opened.get()).isEqualTo(1);
	}

	@Test
	void shouldKeepStreamsOfDifferentInterfacesAndTenantsApart() {
		List<TrafficEvent> alice = new CopyOnWriteArrayList<>();
		List<TrafficEvent> otherTenant = new CopyOnWriteArrayList<>();
		this.live.watch(TENANT, ROUTER, "<pppoe-alice>", alice::add);
		this.live.watch(TenantId.of("other"), ROUTER, "<pppoe-alice>", otherTenant::add);
		this.live.watch(TENANT, ROUTER, "ether1", (event) -> {
		});
		await().until(() -> this.router.opened.get() == 3);
		assertThat(this.live.streams()).isEqualTo(3);
		assertThat(this.live.watchers(TENANT, ROUTER, "<pppoe-alice>")).isEqualTo(1);
	}

	@Test
	void shouldTellWatchersTheRouterIsUnreachableAndResumeWhenItReturns() {
		List<TrafficEvent> events = new CopyOnWriteArrayList<>();
		this.live.watch(TENANT, ROUTER, "<pppoe-alice>", events::add);
		await().until(() -> this.router.current != null);
		this.router.emit(1000);
		this.router.fail(new RouterUnreachableException("r1", RouterUnreachableException.Reason.CONNECTION_LOST,
				"connection lost", null));
		await().until(() -> this.router.opened.get() == 2 && this.router.current != null);
		this.router.emit(3000);
		await().until(() -> events.size() == 3);
		assertThat(events.get(0)).isInstanceOf(TrafficSample.class);
		assertThat(events.get(1)).isInstanceOfSatisfying(TrafficInterruption.class,
				(interruption) -> assertThat(interruption.code())
					.isEqualTo(TrafficInterruptionReason.ROUTER_UNREACHABLE));
		assertThat(events.get(2)).isInstanceOfSatisfying(TrafficSample.class,
				(sample) -> assertThat(sample.txBitsPerSecond()).isEqualTo(3000));
	}

	@Test
	void shouldReportAMissingPppoeInterfaceAsOfflineAndTellLateJoinersAtOnce() {
		this.router.refuseWith = () -> new RouterCommandRejectedException("r1", "/interface/monitor-traffic", 1,
				"input does not match any value of interface");
		List<TrafficEvent> first = new CopyOnWriteArrayList<>();
		this.live.watch(TENANT, ROUTER, "<pppoe-bob>", first::add);
		await().until(() -> !first.isEmpty());
		List<TrafficEvent> late = new CopyOnWriteArrayList<>();
		this.live.watch(TENANT, ROUTER, "<pppoe-bob>", late::add);
		assertThat(late).singleElement()
			.isInstanceOfSatisfying(TrafficInterruption.class, (interruption) -> assertThat(interruption.code())
				.isEqualTo(TrafficInterruptionReason.SUBSCRIBER_OFFLINE));
		// it keeps looking: the subscriber dials in and samples follow
		this.router.refuseWith = null;
		await().until(() -> this.router.current != null);
		this.router.emit(500);
		await().until(() -> late.getLast() instanceof TrafficSample);
	}

	@Test
	void shouldCallAMissingUplinkInterfaceNotFound() {
		this.router.refuseWith = () -> new RouterCommandRejectedException("r1", "/interface/monitor-traffic", 1,
				"input does not match any value of interface");
		List<TrafficEvent> events = new CopyOnWriteArrayList<>();
		this.live.watch(TENANT, ROUTER, "sfp9", events::add);
		await().until(() -> !events.isEmpty());
		assertThat(events.getFirst()).isInstanceOfSatisfying(TrafficInterruption.class,
				(interruption) -> assertThat(interruption.code())
					.isEqualTo(TrafficInterruptionReason.INTERFACE_NOT_FOUND));
	}

	@Test
	void shouldStopRetryingWhenTheLastWatcherLeavesAnInterruptedStream() {
		this.router.refuseWith = () -> new RouterUnreachableException("r1",
				RouterUnreachableException.Reason.CONNECT_FAILED, "refused", null);
		List<TrafficEvent> events = new CopyOnWriteArrayList<>();
		TrafficWatch watch = this.live.watch(TENANT, ROUTER, "<pppoe-carol>", events::add);
		await().until(() -> this.router.opened.get() >= 2);
		watch.close();
		int attempts = this.router.opened.get();
		// a retry already handed to its thread may still run once; none after it
		await().during(Duration.ofMillis(300)).until(() -> this.router.opened.get() <= attempts + 1);
		assertThat(this.live.streams()).isZero();
	}

	/** A router whose one {@code monitor-traffic} at a time is driven by the test. */
	static final class FakeRouter implements MonitorOpener {

		final AtomicInteger opened = new AtomicInteger();

		final AtomicInteger cancelled = new AtomicInteger();

		volatile Supplier<RuntimeException> refuseWith;

		volatile Consumer<TrafficSample> current;

		volatile Consumer<RouterException> currentError;

		@Override
		public RouterStream open(MonitorKey key, Consumer<TrafficSample> onSample, Consumer<RouterException> onError) {
			this.opened.incrementAndGet();
			Supplier<RuntimeException> refusal = this.refuseWith;
			if (refusal != null) {
				RuntimeException ex = refusal.get();
				if (ex instanceof RouterCommandRejectedException rejected) {
					// a trap arrives on the stream, not from open()
					onError.accept(rejected);
					return new RouterStream(() -> {
					});
				}
				throw ex;
			}
			this.current = onSample;
			this.currentError = onError;
			return new RouterStream(this.cancelled::incrementAndGet);
		}

		void emit(long txBits) {
			this.current.accept(new TrafficSample(Instant.now(), 10, txBits, 1, 2));
		}

		void fail(RouterException ex) {
			Consumer<RouterException> error = this.currentError;
			this.current = null;
			error.accept(ex);
		}

	}

}
