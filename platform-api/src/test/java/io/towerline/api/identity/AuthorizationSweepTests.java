package io.towerline.api.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.towerline.api.support.ApiTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep deletes an authorization once every code and token in it has expired, and one
 * that never got any once it is a day old; an authorization with anything still usable
 * stays, whichever of its tokens that is.
 */
class AuthorizationSweepTests extends ApiTest {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private static final Instant PAST = NOW.minusSeconds(60);

	private static final Instant FUTURE = NOW.plusSeconds(60);

	@Autowired
	AuthorizationSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldDeleteOnlyTheAuthorizationsWithNothingLeftToUse() {
		String allExpired = insert(PAST, PAST, PAST, null, NOW.minus(Duration.ofMinutes(5)));
		String codeOnlyExpired = insert(PAST, null, null, null, NOW);
		String abandoned = insert(null, null, null, null, NOW.minus(Duration.ofDays(2)));
		List<String> usable = List.of(insert(PAST, PAST, PAST, FUTURE, NOW), insert(PAST, FUTURE, PAST, null, NOW),
				insert(PAST, PAST, FUTURE, null, NOW), insert(FUTURE, null, null, null, NOW),
				insert(null, null, null, null, NOW.minus(Duration.ofHours(23))));

		assertThat(this.sweep.purge(NOW)).isGreaterThanOrEqualTo(3);

		assertThat(remaining(List.of(allExpired, codeOnlyExpired, abandoned))).isEmpty();
		assertThat(remaining(usable)).containsExactlyInAnyOrderElementsOf(usable);
	}

	private List<String> remaining(List<String> ids) {
		return this.jdbc.sql("SELECT id FROM public.oauth2_authorization WHERE id IN (:ids)")
			.param("ids", ids)
			.query(String.class)
			.list();
	}

	private String insert(@Nullable Instant codeExpires, @Nullable Instant accessExpires,
			@Nullable Instant idTokenExpires, @Nullable Instant refreshExpires, Instant created) {
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("""
				INSERT INTO public.oauth2_authorization (id, registered_client_id, principal_name,
				    authorization_grant_type, authorization_code_expires_at, access_token_expires_at,
				    oidc_id_token_expires_at, refresh_token_expires_at, created_at)
				VALUES (:id, 'towerline-web', 'sweep', 'authorization_code', :code, :access, :idToken, :refresh,
				    :created)
				""")
			.param("id", id)
			.param("code", timestamp(codeExpires))
			.param("access", timestamp(accessExpires))
			.param("idToken", timestamp(idTokenExpires))
			.param("refresh", timestamp(refreshExpires))
			.param("created", timestamp(created))
			.update();
		return id;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
