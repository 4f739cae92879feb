package io.towerline.core.tenantmove;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica that does not know a move's target cluster (only main is configured here)
 * leaves the move to another instead of failing or rolling it back; it runs the moves
 * whose clusters it knows.
 */
@SpringBootTest
class TenantMoveElsewhereTests extends DatabaseTest {

	@Autowired
	TenantMoveSteps steps;

	@Autowired
	TenantMoves moves;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldLeaveAMoveToAClusterItDoesNotKnowToAnotherReplica() {
		UUID toEast = insertMove("east");
		UUID toMain = insertMove("main");

		assertThat(this.steps.runnableHere(toEast)).isFalse();
		assertThat(this.steps.runnableHere(toMain)).isTrue();
		assertThat(this.moves.find(toEast).orElseThrow().step()).isEqualTo(TenantMoveStep.REQUESTED);
	}

	private UUID insertMove(String to) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.sql(
				"INSERT INTO public.tenant_move (id, tenant, from_cluster, to_cluster, step, requested_by, created_at, "
						+ "updated_at) VALUES (?, ?, 'main', ?, 'REQUESTED', 'test', ?, ?)")
			.params(id, TestDatabase.uniqueSlug("elsewhere"), to, now, now)
			.update();
		return id;
	}

}
