package io.towerline.core.session;

import java.time.Duration;

import io.towerline.core.session.keys.SearchKeyMirrors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The online-sessions service answering every search in the database, as with
 * {@code towerline.sessions.search-memory=false}: what the tests and the benchmark of the
 * search keys in memory (ADR 0245) compare the memory's answers with.
 */
final class DatabaseOnlySessions {

	private DatabaseOnlySessions() {
	}

	/**
	 * The service on the application's connections, with the default session settings.
	 */
	static OnlineSessions of(JdbcClient jdbc, JdbcTemplate statements) {
		return new OnlineSessions(jdbc, statements,
				new SessionProperties(true, null, null, null, null, null, null, null, null),
				new SearchKeyMirrors(false, Duration.ofMinutes(10)));
	}

}
