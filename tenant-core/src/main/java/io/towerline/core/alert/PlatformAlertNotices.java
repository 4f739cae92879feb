package io.towerline.core.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.identity.PlatformAdmins;
import io.towerline.core.notification.PlatformMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the platform admins of opened platform alerts by e-mail (ADR 0141). The alert row
 * is its own outbox: an OPEN alert not yet notified is sent by every sweep until the
 * relay takes it or it has been refused {@link #ATTEMPTS} times, so a notice is neither
 * lost to a crash between opening and sending nor sent once per replica (the sweep runs
 * on one).
 */
@Component
class PlatformAlertNotices {

	/**
	 * Sweeps that try a refused notice before it is given up (logged, kept on the row).
	 */
	static final int ATTEMPTS = 10;

	private static final int BATCH = 20;

	private static final Logger log = LoggerFactory.getLogger(PlatformAlertNotices.class);

	private final JdbcClient jdbc;

	private final PlatformAdmins admins;

	private final PlatformMail mail;

	private final AlertProperties properties;

	PlatformAlertNotices(JdbcClient jdbc, PlatformAdmins admins, PlatformMail mail, AlertProperties properties) {
		this.jdbc = jdbc;
		this.admins = admins;
		this.mail = mail;
		this.properties = properties;
	}

	/** Sends what is due; returns how many notices the relay took. */
	int deliver(Instant now) {
		List<Due> due = this.jdbc
			.sql("SELECT id, kind, summary, opened_at FROM public.platform_alert WHERE state = 'OPEN'"
					+ " AND notified_at IS NULL AND notice_attempts < :attempts ORDER BY opened_at LIMIT :batch")
			.param("attempts", ATTEMPTS)
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("summary"),
					rs.getTimestamp("opened_at").toInstant()))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		List<String> recipients = recipients();
		if (recipients.isEmpty()) {
			// kept due: the first platform admin created (or configured) still hears of
			// it
			log.warn("{} platform alerts are not mailed: no platform admin has an e-mail address", due.size());
			return 0;
		}
		int sent = 0;
		for (Due alert : due) {
			Optional<String> refused = this.mail.send("platform-alert-" + alert.id(), recipients,
					"[Towerline platform] " + alert.kind(), body(alert));
			if (refused.isEmpty()) {
				sent++;
			}
			else {
				log.warn("Platform alert {} could not be mailed: {}", alert.id(), refused.get());
			}
			this.jdbc
				.sql("UPDATE public.platform_alert SET notice_attempts = notice_attempts + 1, notice_error = :error"
						+ (refused.isEmpty() ? ", notified_at = :now" : "") + " WHERE id = :id")
				.param("error", refused.map((error) -> truncate(error, 500)).orElse(null))
				.param("now", Timestamp.from(now))
				.param("id", alert.id())
				.update();
		}
		return sent;
	}

	private List<String> recipients() {
		Set<String> recipients = new LinkedHashSet<>(this.admins.emails());
		recipients.addAll(this.properties.platformAlertRecipients());
		return new ArrayList<>(recipients);
	}

	private static String body(Due alert) {
		return """
				Platform alert %s opened at %s.

				%s

				It resolves by itself once the condition has stayed away for the platform hold. The console lists \
				platform alerts under platformAlerts.
				""".formatted(alert.kind(), alert.openedAt(), alert.summary());
	}

	private static String truncate(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	private record Due(UUID id, String kind, String summary, Instant openedAt) {

	}

}
