package io.towerline.api.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.towerline.core.operation.OperationStatus;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * One shared poll serves every subscription: one read per tenant with followers, however
 * many subscriptions follow its operations, and each change reaches exactly the
 * subscriptions following that operation.
 */
class OperationWatchTests {

	private final RouterOperations operations = mock(RouterOperations.class);

	/** What the database holds, per operation id. */
	private final Map<UUID, RouterOperation> stored = new ConcurrentHashMap<>();

	/** Each read: the tenant bound and the ids asked for. */
	private final List<Map.Entry<TenantId, Collection<UUID>>> reads = new ArrayList<>();

	private final OperationWatch watch = new OperationWatch(this.operations, Duration.ofHours(1));

	private final TenantId a = TenantId.of("watch-a");

	private final TenantId b = TenantId.of("watch-b");

	OperationWatchTests() {
		given(this.operations.findAll(anyCollection())).willAnswer((invocation) -> {
			Collection<UUID> ids = invocation.getArgument(0);
			synchronized (this.reads) {
				this.reads.add(Map.entry(TenantContext.current().orElseThrow(), List.copyOf(ids)));
			}
			return ids.stream().map(this.stored::get).filter(Objects::nonNull).toList();
		});
	}

	@AfterEach
	void stop() {
		this.watch.destroy();
	}

	@Test
	void shouldReadEachTenantsFollowedOperationsOnceAPollWhateverTheNumberOfSubscriptions() {
		RouterOperation one = store(UUID.randomUUID(), OperationStatus.RUNNING, 0);
		RouterOperation two = store(UUID.randomUUID(), OperationStatus.QUEUED, 0);
		RouterOperation other = store(UUID.randomUUID(), OperationStatus.RUNNING, 0);
		List<Disposable> subscriptions = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			subscriptions.add(this.watch.follow(this.a, (i % 2 == 0) ? one : two).subscribe());
		}
		subscriptions.add(this.watch.follow(this.b, other).subscribe());

		this.watch.poll();

		assertThat(this.reads).hasSize(2);
		assertThat(this.reads).anySatisfy((read) -> {
			assertThat(read.getKey()).isEqualTo(this.a);
			assertThat(read.getValue()).containsExactlyInAnyOrder(one.id(), two.id());
		});
		assertThat(this.reads).anySatisfy((read) -> {
			assertThat(read.getKey()).isEqualTo(this.b);
			assertThat(read.getValue()).containsExactly(other.id());
		});
		subscriptions.forEach(Disposable::dispose);
		assertThat(this.watch.followers()).isZero();
	}

	@Test
	void shouldPushEachChangeToItsFollowersOnlyAndEndWhenFinal() {
		UUID id = UUID.randomUUID();
		UUID unrelated = UUID.randomUUID();
		RouterOperation first = store(id, OperationStatus.QUEUED, 0);
		List<OperationStatus> seen = new ArrayList<>();
		List<OperationStatus> seenUnrelated = new ArrayList<>();
		boolean[] completed = new boolean[1];
		this.watch.follow(this.a, first)
			.doOnComplete(() -> completed[0] = true)
			.subscribe((operation) -> seen.add(operation.status()));
		this.watch.follow(this.a, store(unrelated, OperationStatus.QUEUED, 0))
			.subscribe((operation) -> seenUnrelated.add(operation.status()));

		this.watch.poll();
		store(id, OperationStatus.RUNNING, 1);
		this.watch.poll();
		this.watch.poll();
		store(id, OperationStatus.SUCCEEDED, 2);
		this.watch.poll();

		assertThat(seen).containsExactly(OperationStatus.QUEUED, OperationStatus.RUNNING, OperationStatus.SUCCEEDED);
		assertThat(completed[0]).isTrue();
		assertThat(seenUnrelated).containsExactly(OperationStatus.QUEUED);
		assertThat(this.watch.followers()).isOne();
	}

	@Test
	void shouldNotFollowAnOperationThatIsAlreadyFinal() {
		RouterOperation done = store(UUID.randomUUID(), OperationStatus.FAILED, 1);

		assertThat(this.watch.follow(this.a, done).collectList().block()).containsExactly(done);
		assertThat(this.watch.followers()).isZero();
	}

	private RouterOperation store(UUID id, OperationStatus status, int version) {
		RouterOperation operation = mock(RouterOperation.class);
		given(operation.id()).willReturn(id);
		given(operation.status()).willReturn(status);
		given(operation.updatedAt()).willReturn(Instant.EPOCH.plusSeconds(version));
		this.stored.put(id, operation);
		return operation;
	}

}
