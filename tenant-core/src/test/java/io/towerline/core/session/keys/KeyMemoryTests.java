package io.towerline.core.session.keys;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the copies in memory may hold together (ADR 0246), without a database: a copy
 * dropped to make room while it read is not counted when its read ends, a tenant over the
 * bound drops no one and is not read again for a while, and idle copies give their keys
 * back.
 */
class KeyMemoryTests {

	private static final long WHOLE_AFTER = TimeUnit.MINUTES.toNanos(5);

	private static final long TOO_BIG_FOR = TimeUnit.MINUTES.toNanos(5);

	private final KeyMemory memory = new KeyMemory(WHOLE_AFTER, 70, TOO_BIG_FOR);

	@Test
	void shouldNotCountACopyDroppedWhileItRead() {
		long now = System.nanoTime();
		TenantKeys first = this.memory.tenant("t_first", now);
		assertThat(this.memory.hold(first, 40, now)).isTrue();
		TenantKeys second = this.memory.tenant("t_second", now);
		// the second's read ends first and makes room: the first is dropped while its
		// next read is under way
		assertThat(this.memory.hold(second, 40, now)).isTrue();
		assertThat(this.memory.holds(first)).isFalse();
		assertThat(this.memory.hold(first, 40, now)).as("a dropped copy's read").isFalse();
		assertThat(this.memory.holds(second)).isTrue();
		assertThat(this.memory.held()).isEqualTo(40);
		// its tenant's next search starts a new copy
		assertThat(this.memory.tenant("t_first", now)).isNotSameAs(first);
	}

	@Test
	void shouldSearchATenantOverTheBoundInTheDatabaseForAWhile() {
		long now = System.nanoTime();
		TenantKeys held = this.memory.tenant("t_held", now);
		assertThat(this.memory.hold(held, 30, now)).isTrue();
		TenantKeys big = this.memory.tenant("t_big", now);
		assertThat(this.memory.hold(big, 71, now)).isFalse();
		assertThat(this.memory.holds(held)).as("dropped by no one").isTrue();
		assertThat(this.memory.held()).isEqualTo(30);
		assertThat(this.memory.tenant("t_big", now + TOO_BIG_FOR - 1)).isNull();
		assertThat(this.memory.tenant("t_big", now + TOO_BIG_FOR + 1)).isNotNull();
	}

	@Test
	void shouldGiveTheKeysOfIdleCopiesBack() {
		long now = System.nanoTime();
		TenantKeys keys = this.memory.tenant("t_idle", now);
		assertThat(this.memory.hold(keys, 70, now)).isTrue();
		long idle = TimeUnit.MINUTES.toNanos(10);
		this.memory.dropIdle(now + idle + TimeUnit.SECONDS.toNanos(1), idle);
		assertThat(this.memory.holds(keys)).isFalse();
		assertThat(this.memory.held()).isZero();
	}

}
