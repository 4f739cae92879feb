package io.towerline.api.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes the authorizations nobody can use any more: every code and token they hold has
 * expired (a consumed code keeps its expiry), or they never got one and are older than a
 * day (an authorization request abandoned before its code). Without it the table grew by
 * a row per sign-in and per client token for ever.
 */
final class AuthorizationSweep {

	/** How long an authorization without any code or token is kept. */
	static final Duration ABANDONED_AFTER = Duration.ofDays(1);

	private final JdbcClient jdbc;

	AuthorizationSweep(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Deletes the authorizations of no use at {@code now}; returns how many. */
	int purge(Instant now) {
		// GREATEST skips NULLs: the latest expiry of the codes and tokens present, or
		// NULL
		// when there is none
		return this.jdbc.sql("""
				DELETE FROM public.oauth2_authorization
				WHERE COALESCE(GREATEST(authorization_code_expires_at, access_token_expires_at,
				        oidc_id_token_expires_at, refresh_token_expires_at, user_code_expires_at,
				        device_code_expires_at) < :now,
				    created_at < :abandoned)
				""")
			.param("now", Timestamp.from(now))
			.param("abandoned", Timestamp.from(now.minus(ABANDONED_AFTER)))
			.update();
	}

}
