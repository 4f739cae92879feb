package io.towerline.mikrotik.client;

import java.time.Duration;
import java.time.Instant;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.AuditedCommand.Outcome;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.command.Command;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports commands to the platform's auditor, isolating the router call from any failure
 * of the auditor.
 */
final class CommandAudit {

	private static final Logger log = LoggerFactory.getLogger(CommandAudit.class);

	private final String router;

	private final RouterCommandAuditor auditor;

	CommandAudit(String router, RouterCommandAuditor auditor) {
		this.router = router;
		this.auditor = auditor;
	}

	void record(Command command, Instant startedAt, long elapsedNanos, @Nullable RouterException failure) {
		Outcome outcome = (failure == null) ? Outcome.SUCCEEDED
				: (failure instanceof RouterCommandRejectedException) ? Outcome.REJECTED : Outcome.FAILED;
		AuditedCommand audited = new AuditedCommand(this.router, command.path(), command.redactedParameters(), outcome,
				(failure != null) ? failure.code() : null, (failure != null) ? failure.getMessage() : null, startedAt,
				Duration.ofNanos(elapsedNanos));
		try {
			this.auditor.commandCompleted(audited);
		}
		catch (RuntimeException ex) {
			log.warn("Command auditor failed for {} on {}; the command outcome stands", command.path(), this.router,
					ex);
		}
	}

}
