package io.towerline.core.backup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.audit.CommandContext;
import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.event.TenantEvent;
import io.towerline.core.operation.OperationHandler;
import io.towerline.core.operation.OperationKind;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.router.Router;
import io.towerline.core.router.RouterAccess;
import io.towerline.core.router.Routers;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterProtocolException;
import io.towerline.mikrotik.client.RouterClient;
import io.towerline.mikrotik.files.RouterFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs BACKUP_ROUTER operations: has the router write the export (and the binary backup,
 * encrypted by RouterOS with a password generated for it and sealed like router
 * credentials), streams each file off the router into encrypted storage, removes it from
 * the router's disk, and records the backup, sharing the previous blob when the content
 * did not change. Publishes {@code backup.taken} per stored backup and
 * {@code backup.failed} per failed try.
 */
@Component
class BackupTaking implements OperationHandler {

	private static final Logger log = LoggerFactory.getLogger(BackupTaking.class);

	private static final SecureRandom random = new SecureRandom();

	private static final char[] PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
		.toCharArray();

	private final Routers routers;

	private final RouterAccess access;

	private final BackupBlobs blobs;

	private final RouterBackupRepository backups;

	private final BackupSchedule schedule;

	private final SealedSecrets sealed;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BackupTaking(Routers routers, RouterAccess access, BackupBlobs blobs, RouterBackupRepository backups,
			BackupSchedule schedule, SealedSecrets sealed, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.routers = routers;
		this.access = access;
		this.blobs = blobs;
		this.backups = backups;
		this.schedule = schedule;
		this.sealed = sealed;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Set<OperationKind> kinds() {
		return Set.of(OperationKind.BACKUP_ROUTER);
	}

	@Override
	public @Nullable String run(RouterOperation operation, Progress progress) {
		try {
			List<RouterBackup> taken = take(operation);
			long unchanged = taken.stream().filter((backup) -> !backup.changed()).count();
			return BackupCounts.describe(taken.size(), unchanged);
		}
		catch (RuntimeException ex) {
			failed(operation, ex);
			throw ex;
		}
	}

	private List<RouterBackup> take(RouterOperation operation) {
		Router router = this.transactions.execute((tx) -> this.routers.get(operation.routerId()));
		BackupSettings settings = this.schedule.settings();
		Actor actor = Actor.of(operation.requestedBy());
		RouterClient client = this.access.client(router);
		// every command of the operation, the first listing too, is on record with its
		// router, operation and requester
		CommandContext context = new CommandContext(router.id(), actor, operation.id(), null);
		List<BackupKind> kinds = context.call(() -> {
			// every try: a try cut short by the connection does not always count as an
			// attempt
			removeEarlierTriesFiles(client, router, operation);
			return kinds(operation.subject(), settings, client);
		});
		// a try that failed after storing one kind (the connection cut during the next)
		// already recorded it: a kind is recorded once per operation, however many tries
		List<RouterBackup> taken = new ArrayList<>(
				this.transactions.execute((tx) -> this.backups.findByOperationId(operation.id())));
		for (BackupKind kind : kinds) {
			if (taken.stream().anyMatch((backup) -> backup.kind() == kind)) {
				continue;
			}
			taken.add(context.call(() -> (kind == BackupKind.EXPORT)
					? takeExport(client, router, settings.includeSensitive(), operation)
					: takeBinary(client, router, operation)));
		}
		return taken;
	}

	/**
	 * What to take. Every version can hand both over: RouterOS 7.13+ through
	 * {@code /file/read}, older ones through {@code contents} (text up to 60 KB) and
	 * their FTP service beyond that (ADR 0142). A scheduled backup of a RouterOS 6 router
	 * whose FTP service is off takes the export alone (which its contents may still
	 * carry); a file asked for explicitly, or an export grown past 60 KB, fails with
	 * ROUTER_FILE_TRANSFER_UNAVAILABLE, saying what to enable.
	 */
	private static List<BackupKind> kinds(@Nullable String what, BackupSettings settings, RouterClient client) {
		if (BackupKind.EXPORT.name().equals(what)) {
			return List.of(BackupKind.EXPORT);
		}
		if (BackupKind.BINARY.name().equals(what)) {
			return List.of(BackupKind.BINARY);
		}
		return (settings.binary() && client.files().takesAnyFile()) ? List.of(BackupKind.EXPORT, BackupKind.BINARY)
				: List.of(BackupKind.EXPORT);
	}

	private RouterBackup takeExport(RouterClient client, Router router, boolean sensitive, RouterOperation operation) {
		String file = client.backups().export(fileBase(operation), sensitive);
		BackupBlobs.Written written = fetch(client, router, file, BackupKind.EXPORT, null);
		return record(router, BackupKind.EXPORT, written, sensitive, operation);
	}

	private RouterBackup takeBinary(RouterClient client, Router router, RouterOperation operation) {
		char[] password = password();
		String reference = this.sealed.seal("backup:" + router.id(), password.clone());
		try {
			String file = client.backups().saveBackup(fileBase(operation), password);
			BackupBlobs.Written written = fetch(client, router, file, BackupKind.BINARY, reference);
			return record(router, BackupKind.BINARY, written, true, operation);
		}
		catch (RuntimeException ex) {
			this.sealed.discardAfterCommit(reference);
			throw ex;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	/**
	 * Streams the file into storage, then removes it from the router whatever happened.
	 */
	private BackupBlobs.Written fetch(RouterClient client, Router router, String file, BackupKind kind,
			@Nullable String passwordReference) {
		try {
			return this.blobs.write(router.id(), kind, passwordReference, (out) -> {
				if (!client.files().readTo(file, out)) {
					throw new RouterProtocolException(router.name(),
							"the router reported the backup saved but " + file + " does not exist", null);
				}
			});
		}
		finally {
			try {
				client.files().remove(file);
			}
			catch (RouterException ex) {
				log.info("Could not remove {} from router {}: {}", file, router.id(), ex.getMessage());
			}
		}
	}

	private RouterBackup record(Router router, BackupKind kind, BackupBlobs.Written written, boolean sensitive,
			RouterOperation operation) {
		return this.transactions.execute((tx) -> {
			RouterBackup previous = this.backups.findFirstByRouterIdAndKindOrderByTakenAtDescIdDesc(router.id(), kind)
				.orElse(null);
			boolean changed = previous == null || !previous.contentHash().equals(written.contentHash())
					|| previous.sensitive() != sensitive;
			UUID blobId = written.id();
			if (changed) {
				this.blobs.complete(blobId);
			}
			else {
				blobId = previous.blobId();
				String unused = this.blobs.passwordReference(written.id());
				this.blobs.delete(written.id());
				if (unused != null) {
					this.sealed.discardAfterCommit(unused);
				}
			}
			Instant now = this.clock.instant();
			RouterBackup backup = this.backups
				.save(new RouterBackup(router.id(), kind, blobId, now, written.size(), written.contentHash(), changed,
						sensitive, router.health().routerOsVersion(), operation.requestedBy(), operation.id()));
			this.events.publishEvent(TenantEvent.of(TenantContext.require(), BackupEvents.TAKEN, router.id().toString(),
					Actor.of(operation.requestedBy()), now, Map.of("backupId", backup.id().toString(), "kind",
							kind.name(), "changed", Boolean.toString(changed), "size", Long.toString(written.size()))));
			return backup;
		});
	}

	private void failed(RouterOperation operation, RuntimeException ex) {
		String error = (ex instanceof RouterException routerException) ? routerException.code() + ": " + ex.getMessage()
				: ex.toString();
		try {
			this.transactions.executeWithoutResult(
					(tx) -> this.events.publishEvent(TenantEvent.of(TenantContext.require(), BackupEvents.FAILED,
							operation.routerId().toString(), Actor.of(operation.requestedBy()), this.clock.instant(),
							Map.of("operationId", operation.id().toString(), "attempt",
									Integer.toString(operation.attempts() + 1), "error",
									error.substring(0, Math.min(error.length(), 500))))));
		}
		catch (RuntimeException publishFailure) {
			log.warn("Could not publish the failure of backup operation {}: {}", operation.id(),
					publishFailure.toString());
		}
	}

	/**
	 * Removes the files earlier tries of this operation left on the router's disk: a try
	 * whose connection was cut mid-download could not remove its file.
	 */
	private void removeEarlierTriesFiles(RouterClient client, Router router, RouterOperation operation) {
		String prefix = filePrefix(operation);
		for (RouterFile file : client.files().list()) {
			if (file.name().startsWith(prefix)) {
				client.files().remove(file.name());
				log.info("Removed {} left on router {} by an earlier try of backup operation {}", file.name(),
						router.id(), operation.id());
			}
		}
	}

	/**
	 * A file name no one else uses on the router, so two platforms (or a person) backing
	 * up the same router do not overwrite each other's file.
	 */
	private static String fileBase(RouterOperation operation) {
		return filePrefix(operation) + Long.toString(System.nanoTime() & 0xFFFFFF, 36);
	}

	/** What the names of all of an operation's files on the router start with. */
	private static String filePrefix(RouterOperation operation) {
		return "towerline-" + operation.id().toString().substring(0, 8) + "-";
	}

	private static char[] password() {
		char[] password = new char[24];
		for (int i = 0; i < password.length; i++) {
			password[i] = PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)];
		}
		return password;
	}

}
