package io.towerline.core.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import io.towerline.core.tenancy.catalog.RateLimitTier;
import io.towerline.core.tenancy.catalog.TenantOnboarding;
import io.towerline.core.testsupport.DatabaseTest;
import io.towerline.core.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A report's generation killed half-way (issue 13, ADR 0223): whatever point a generator
 * stops at, the report is either started over and served whole or failed with a code —
 * never left running for ever, never served half, never mixed with the file of a
 * generator that was thought dead but went on. Generators here are the real ones over
 * rows that can stop (a thrown {@link Error} plays the replica dying: nothing after it
 * runs) or wait at any row; small chunks put many chunks on either side of the stop.
 */
@SpringBootTest
class ReportGenerationCrashTests extends DatabaseTest {

	private static final int ROWS = 1000;

	private static final int MAX_ATTEMPTS = 3;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TenantOnboarding onboarding;

	@Autowired
	Reports reports;

	private ReportStore store;

	private ReportFiles files;

	private ReportProperties properties;

	private TenantId tenant;

	@BeforeEach
	void tenant() {
		this.tenant = TenantId
			.of(this.onboarding.onboard(TestDatabase.uniqueSlug("rcrash"), "Report crash", RateLimitTier.STARTER)
				.tenant()
				.id()
				.slug());
		this.properties = new ReportProperties(Duration.ofDays(1), Duration.ofDays(366), 3, 64, 10, Duration.ofHours(1),
				MAX_ATTEMPTS);
		this.store = new ReportStore(this.jdbc);
		this.files = new ReportFiles(this.jdbc, this.transactionManager, this.properties);
	}

	@Test
	void shouldStartOverAndServeTheWholeFileAfterTheGeneratorDiedAtAnyRow() {
		for (int stopAt : List.of(0, 1, 537, ROWS - 1)) {
			UUID id = requested();
			assertThatExceptionOfType(ReplicaDied.class)
				.isThrownBy(() -> inTenant(() -> generation(Rows.dyingAt(stopAt)).generate(id)));
			Report stopped = report(id);
			assertThat(stopped.status()).as("stopped at row %d", stopAt).isEqualTo(ReportStatus.RUNNING);
			assertThatExceptionOfType(DomainException.class).as("a half file is never served")
				.isThrownBy(() -> download(id, ReportFormat.CSV))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.REPORT_NOT_READY));

			// what the job revived on another replica does
			inTenant(() -> generation(Rows.whole()).generate(id));

			assertServedWhole(id);
			assertThat(chunkAttempts(id)).as("the dead generator's chunks are gone").containsOnly(2);
		}
	}

	@Test
	void shouldKeepTheLatestAttemptsFileWhenAGeneratorThoughtDeadGoesOn() {
		for (boolean staleFails : List.of(false, true)) {
			UUID id = requested();
			Rows stale = Rows.waitingAt(600, staleFails);
			AtomicReference<@Nullable Throwable> staleOutcome = new AtomicReference<>();
			Thread staleGenerator = Thread.ofVirtual().start(() -> {
				try {
					inTenant(() -> generation(stale).generate(id));
				}
				catch (Throwable ex) {
					staleOutcome.set(ex);
				}
			});
			stale.awaitWaiting();
			assertThat(chunkAttempts(id)).as("the stale generator wrote chunks before it paused").containsOnly(1);

			// its job was revived elsewhere and finished there
			inTenant(() -> generation(Rows.whole()).generate(id));
			assertServedWhole(id);

			stale.release();
			join(staleGenerator);
			assertThat(staleOutcome.get()).isNull();
			assertServedWhole(id);
			assertThat(report(id).failureCode()).isNull();
			assertThat(chunkAttempts(id)).as("the stale generator cleaned its own chunks").containsOnly(2);
		}
	}

	@Test
	void shouldFailWithACodeAReportWhoseGenerationDiesEveryTime() {
		UUID id = requested();
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			assertThatExceptionOfType(ReplicaDied.class)
				.isThrownBy(() -> inTenant(() -> generation(Rows.dyingAt(30)).generate(id)));
			assertThat(report(id).status()).isEqualTo(ReportStatus.RUNNING);
		}

		inTenant(() -> generation(Rows.whole()).generate(id));

		Report abandoned = report(id);
		assertThat(abandoned.status()).isEqualTo(ReportStatus.FAILED);
		assertThat(abandoned.failureCode()).isEqualTo(ErrorCode.REPORT_GENERATION_ABANDONED);
		assertThat(abandoned.failure()).contains("ask for the report again");
		assertThat(chunkAttempts(id)).isEmpty();
		inTenant(() -> generation(Rows.whole()).generate(id));
		assertThat(report(id).status()).as("a final report stays final").isEqualTo(ReportStatus.FAILED);
	}

	@Test
	void shouldFailWithACodeAndKeepNoChunkWhenGenerationThrows() {
		UUID id = requested();

		inTenant(() -> generation(Rows.failingAt(50)).generate(id));

		Report failed = report(id);
		assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
		assertThat(failed.failureCode()).isEqualTo(ErrorCode.REPORT_GENERATION_FAILED);
		assertThat(chunkAttempts(id)).isEmpty();
	}

	private void assertServedWhole(UUID id) {
		Report report = report(id);
		assertThat(report.status()).isEqualTo(ReportStatus.SUCCEEDED);
		assertThat(report.rowsDone()).isEqualTo(ROWS);
		assertThat(report.totals()).contains(new ReportTotal("Rows", ROWS),
				new ReportTotal("Download bytes", Rows.downloadTotal()));
		List<String> lines = download(id, ReportFormat.CSV).lines().toList();
		assertThat(lines).hasSize(ROWS + 1);
		for (int i = 0; i < ROWS; i++) {
			assertThat(lines.get(i + 1)).as("line %d", i + 1).startsWith(Rows.routerId(i) + ",");
		}
		assertThat(download(id, ReportFormat.PDF)).startsWith("%PDF").contains("%%EOF");
		assertThat(download(id, ReportFormat.CSV).getBytes(StandardCharsets.UTF_8))
			.hasSize(report.csvBytes().intValue());
	}

	private ReportGeneration generation(Rows rows) {
		return new ReportGeneration(this.store, this.files, List.of(rows), this.properties, Clock.systemUTC(),
				this.transactionManager);
	}

	private UUID requested() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		UUID id = UUID.randomUUID();
		inTenant(() -> this.transactions.executeWithoutResult((tx) -> this.store.insert(new Report(id,
				ReportKind.USAGE_BY_ROUTER, now.minus(Duration.ofDays(1)), now, null, ReportStatus.QUEUED, 0, null,
				List.of(), null, null, null, null, "user:crash", now, null, null, now.plus(Duration.ofDays(1))))));
		return id;
	}

	private Report report(UUID id) {
		return call(() -> this.reports.get(id));
	}

	private String download(UUID id, ReportFormat format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		call(() -> this.reports.download(id, format, out));
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	private List<Integer> chunkAttempts(UUID id) {
		return this.jdbc
			.sql("SELECT DISTINCT attempt FROM " + this.tenant.schemaName()
					+ ".report_file_chunk WHERE report_id = ? ORDER BY attempt")
			.param(id)
			.query(Integer.class)
			.list();
	}

	private void inTenant(Runnable work) {
		TenantContext.runAs(this.tenant, work);
	}

	private <T> T call(Supplier<T> work) {
		return TenantContext.callAs(this.tenant, work);
	}

	private static void join(Thread thread) {
		try {
			assertThat(thread.join(Duration.ofSeconds(30))).as("the stale generator finished").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The replica stopping: nothing after it runs, no catch of the generator sees it. */
	static final class ReplicaDied extends Error {

		ReplicaDied() {
			super("replica died", null, false, false);
		}

	}

	/** {@value #ROWS} usage rows that can stop, fail or wait at one of them. */
	static final class Rows implements ReportRows {

		private final int at;

		private final Runnable atRow;

		private final CountDownLatch waiting = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private Rows(int at, @Nullable Consumer<Rows> atRow) {
			this.at = at;
			this.atRow = (atRow != null) ? () -> atRow.accept(this) : () -> {
			};
		}

		static Rows whole() {
			return new Rows(-1, null);
		}

		static Rows dyingAt(int row) {
			return new Rows(row, (rows) -> {
				throw new ReplicaDied();
			});
		}

		static Rows failingAt(int row) {
			return new Rows(row, (rows) -> {
				throw new IllegalStateException("the database went away");
			});
		}

		/** Waits at {@code row} until released, then goes on (or fails). */
		static Rows waitingAt(int row, boolean failAfter) {
			return new Rows(row, (rows) -> {
				rows.waiting.countDown();
				await(rows.released);
				if (failAfter) {
					throw new IllegalStateException("the stale generator's connection broke");
				}
			});
		}

		static String routerId(int row) {
			return new UUID(0, row).toString();
		}

		static long downloadTotal() {
			return (long) ROWS * (ROWS - 1) / 2 * 1000;
		}

		void awaitWaiting() {
			await(this.waiting);
		}

		void release() {
			this.released.countDown();
		}

		@Override
		public boolean serves(ReportKind kind) {
			return true;
		}

		@Override
		public long count(Report report) {
			return ROWS;
		}

		@Override
		public void forEach(Report report, Consumer<List<String>> row) {
			for (int i = 0; i < ROWS; i++) {
				if (i == this.at) {
					this.atRow.run();
				}
				row.accept(List.of(routerId(i), "router-" + i, Long.toString(i * 1000L), "7",
						Long.toString(i * 1000L + 7)));
			}
		}

		@Override
		public ReportTally tally(ReportKind kind) {
			return new UsageTally(kind);
		}

		private static void await(CountDownLatch latch) {
			try {
				assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
