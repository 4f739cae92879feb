package io.towerline.api.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.towerline.api.security.Actors;
import io.towerline.api.security.TenantGate;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.report.ChartBar;
import io.towerline.core.report.Report;
import io.towerline.core.report.ReportFormat;
import io.towerline.core.report.ReportKind;
import io.towerline.core.report.ReportStatus;
import io.towerline.core.report.Reports;
import io.towerline.api.graphql.UninterruptedCalls;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Reports for every tenant role. Another tenant's report is NOT_FOUND, exactly like one
 * that does not exist.
 */
@Controller
class ReportController {

	static final int DEFAULT_LIST = 20;

	static final int MAX_LIST = 100;

	private final Reports reports;

	private final TenantGate tenants;

	private final Duration pollPeriod;

	ReportController(Reports reports, TenantGate tenants,
			@Value("${towerline.graphql.subscription-poll-period:500ms}") Duration pollPeriod) {
		this.reports = reports;
		this.tenants = tenants;
		this.pollPeriod = pollPeriod;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Report report(@Argument UUID id) {
		return this.reports.get(id);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	List<Report> reports(@Argument @Nullable Integer limit) {
		int size = (limit != null) ? limit : DEFAULT_LIST;
		if (size < 1 || size > MAX_LIST) {
			throw new InvalidInputException(FieldError.invalid("limit", "limit must be between 1 and " + MAX_LIST));
		}
		return this.reports.recent(size);
	}

	@MutationMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	RequestReportPayload requestReport(@Argument RequestReportInput input) {
		Reports.Requested requested = this.reports.request(input.kind(), input.from(), input.to(), input.limit(),
				Actors.current());
		return new RequestReportPayload(requested.report(), requested.errors());
	}

	/**
	 * The report now, then each change of its status or progress until it is final, read
	 * every poll period (the job may run on any replica; the database is the truth).
	 */
	@SubscriptionMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Flux<Report> reportProgress(@Argument UUID id) {
		TenantId tenant = this.tenants.currentTenant();
		// proves the report is the caller's tenant's before the stream opens
		Report first = TenantContext.callAs(tenant, () -> this.reports.get(id));
		if (first.status().isFinal()) {
			return Flux.just(first);
		}
		// each poll reads the database: a stream cancelled mid-poll must not interrupt it
		Flux<Report> polled = UninterruptedCalls
			.every(this.pollPeriod, () -> TenantContext.callAs(tenant, () -> this.reports.get(id)))
			// purged while followed: nothing more will come
			.onErrorResume((ex) -> ex instanceof NotFoundException || ex.getCause() instanceof NotFoundException,
					(ex) -> Flux.empty());
		return Flux.concat(Flux.just(first), polled)
			.distinctUntilChanged((report) -> report.status() + ":" + report.rowsDone() + ":" + report.rowsTotal())
			.takeUntil((report) -> report.status().isFinal());
	}

	@SchemaMapping(typeName = "Report", field = "title")
	String title(Report report) {
		return report.kind().title();
	}

	@SchemaMapping(typeName = "Report", field = "chartSeries")
	List<String> chartSeries(Report report) {
		return this.reports.chartSeries(report.kind());
	}

	@SchemaMapping(typeName = "Report", field = "chart")
	List<ChartBarView> chart(Report report) {
		if (report.status() != ReportStatus.SUCCEEDED) {
			return List.of();
		}
		return this.reports.chart(report.id()).stream().map(ChartBarView::of).toList();
	}

	@SchemaMapping(typeName = "Report", field = "files")
	List<ReportFileView> files(Report report) {
		if (report.status() != ReportStatus.SUCCEEDED) {
			return List.of();
		}
		return Arrays.stream(ReportFormat.values())
			.map((format) -> new ReportFileView(format, sizeOf(report, format), Reports.fileName(report, format),
					ReportDownloadController.path(report.id(), format)))
			.toList();
	}

	private static long sizeOf(Report report, ReportFormat format) {
		Long size = report.size(format);
		return (size != null) ? size : 0;
	}

	record RequestReportInput(ReportKind kind, Instant from, Instant to, @Nullable Integer limit) {

	}

	record RequestReportPayload(@Nullable Report report, List<FieldError> errors) {

	}

	record ChartBarView(String label, List<Double> values) {

		static ChartBarView of(ChartBar bar) {
			return new ChartBarView(bar.label(), List.of((double) bar.first(), (double) bar.second()));
		}

	}

	record ReportFileView(ReportFormat format, long size, String fileName, String downloadPath) {

	}

}
