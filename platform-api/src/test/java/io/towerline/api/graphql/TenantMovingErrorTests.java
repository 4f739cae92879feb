package io.towerline.api.graphql;

import java.sql.SQLException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;

import org.springframework.dao.TransientDataAccessResourceException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write refused by a tenant move's read-only window reaches the client as the retryable
 * {@code TENANT_MOVING}, however deep the database's refusal is wrapped; other database
 * failures do not.
 */
class TenantMovingErrorTests {

	@Test
	void shouldTellAWriteRefusedByTheMoveWindowAsTenantMoving() {
		SQLException refused = new SQLException("cannot execute INSERT in a read-only transaction", "25006");
		GraphQLError error = DomainErrorResolver.describe(
				new TransientDataAccessResourceException("could not execute statement", new RuntimeException(refused)),
				GraphqlErrorBuilder::newError, "createPop");
		assertThat(error.getExtensions()).containsEntry("code", "TENANT_MOVING").containsEntry("retryable", true);
	}

	@Test
	void shouldNotTellOtherDatabaseFailuresAsTenantMoving() {
		SQLException missing = new SQLException("relation does not exist", "42P01");
		GraphQLError error = DomainErrorResolver.describe(
				new TransientDataAccessResourceException("could not execute statement", missing),
				GraphqlErrorBuilder::newError, "createPop");
		assertThat(error.getExtensions()).containsEntry("code", "INTERNAL_ERROR");
	}

}
