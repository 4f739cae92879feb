package io.towerline.mikrotik.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.audit.AuditedCommand;
import io.towerline.mikrotik.audit.AuditedCommand.Outcome;
import io.towerline.mikrotik.audit.CommandIntent;
import io.towerline.mikrotik.audit.RouterCommandAuditor;
import io.towerline.mikrotik.command.Command;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports commands to the platform's auditor: the intent before sending (a failure to
 * record it stops the command), the outcome after (a failure to record it is logged and
 * never changes the command's outcome).
 */
final class CommandAudit {

	private static final Logger log = LoggerFactory.getLogger(CommandAudit.class);

	/** The id of a command that was not recorded: its outcome is not recorded either. */
	static final UUID UNRECORDED = new UUID(0, 0);

	private final String router;

	private final RouterCommandAuditor auditor;

	CommandAudit(String router, RouterCommandAuditor auditor) {
		this.router = router;
		this.auditor = auditor;
	}

	/**
	 * Records that {@code command} is about to be sent.
	 * @return the id to report its outcome under
	 * @throws RuntimeException from the auditor when the intent could not be recorded;
	 * the command must then not be sent
	 */
	UUID sending(Command command) {
		return sending(List.of(command)).get(0);
	}

	/**
	 * Records a stream about to be opened: always, even when reads may go unrecorded (a
	 * stream is opened rarely and stays open).
	 */
	UUID opening(Command command) {
		return record(List.of(command)).get(0);
	}

	/**
	 * Records a batch about to be sent, in one call; ids in the same order. A batch of
	 * reads only is not recorded when the auditor omits reads now ({@link #UNRECORDED}).
	 */
	List<UUID> sending(List<Command> commands) {
		if (commands.stream().allMatch(Command::isRead) && this.auditor.omitsReadsNow()) {
			return commands.stream().map((command) -> UNRECORDED).toList();
		}
		return record(commands);
	}

	private List<UUID> record(List<Command> commands) {
		Instant now = Instant.now();
		List<CommandIntent> intents = new ArrayList<>(commands.size());
		for (Command command : commands) {
			intents.add(new CommandIntent(UUID.randomUUID(), this.router, command.path(), command.redactedParameters(),
					now));
		}
		this.auditor.commandsSending(intents);
		return intents.stream().map(CommandIntent::id).toList();
	}

	void record(UUID id, Command command, Instant startedAt, long elapsedNanos, @Nullable RouterException failure) {
		if (UNRECORDED.equals(id)) {
			return;
		}
		AuditedCommand audited = audited(id, command, startedAt, elapsedNanos, failure);
		try {
			this.auditor.commandCompleted(audited);
		}
		catch (RuntimeException ex) {
			log.warn("Command auditor failed for {} on {}; the command outcome stands: {}", command.path(), this.router,
					ex.toString());
		}
	}

	void recordAll(List<AuditedCommand> all) {
		List<AuditedCommand> outcomes = all.stream().filter((outcome) -> !UNRECORDED.equals(outcome.id())).toList();
		if (outcomes.isEmpty()) {
			return;
		}
		try {
			this.auditor.commandsCompleted(outcomes);
		}
		catch (RuntimeException ex) {
			log.warn("Command auditor failed for a batch of {} on {}; the outcomes stand: {}", outcomes.size(),
					this.router, ex.toString());
		}
	}

	AuditedCommand audited(UUID id, Command command, Instant startedAt, long elapsedNanos,
			@Nullable RouterException failure) {
		Outcome outcome = (failure == null) ? Outcome.SUCCEEDED
				: (failure instanceof RouterCommandRejectedException) ? Outcome.REJECTED : Outcome.FAILED;
		return new AuditedCommand(id, this.router, command.path(), command.redactedParameters(), outcome,
				(failure != null) ? failure.code() : null, (failure != null) ? failure.getMessage() : null, startedAt,
				Duration.ofNanos(elapsedNanos));
	}

}
