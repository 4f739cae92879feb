package io.towerline.api.subscriber;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.towerline.api.throttling.DownloadThrottle;
import io.towerline.core.subscriber.LifecycleState;
import io.towerline.core.subscriber.SubscriberExport;
import io.towerline.core.subscriber.SubscriberExport.ExportedSubscriber;
import io.towerline.core.subscriber.SubscriberFilter;
import io.towerline.core.subscriber.SubscriberOrder;
import io.towerline.core.subscriber.SubscriberSearch;
import io.towerline.core.subscriber.SubscriberStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /exports/subscribers.csv} with the caller's bearer token and the list's
 * filter and order (the arguments of {@code subscriberSearch}): every matching subscriber
 * as CSV, written into the response as the rows come from the database (ADR 0145). The
 * header {@code X-Total-Count} (the count at the start) lets a client show progress.
 */
@RestController
class SubscriberExportController {

	static final String PATH = "/exports/subscribers.csv";

	private static final String HEADER = "username,fullName,email,phone,address,plan,router,status,expiresOn,createdAt";

	private final SubscriberExport export;

	private final SubscriberSearch search;

	private final DownloadThrottle throttle;

	SubscriberExportController(SubscriberExport export, SubscriberSearch search, DownloadThrottle throttle) {
		this.export = export;
		this.search = search;
		this.throttle = throttle;
	}

	@GetMapping(PATH)
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	void export(@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable SubscriberStatus status,
			@RequestParam(required = false) @Nullable UUID planId,
			@RequestParam(required = false) @Nullable UUID routerId,
			@RequestParam(required = false) @Nullable LifecycleState lifecycleState,
			@RequestParam(required = false) @Nullable SubscriberOrder orderBy,
			@RequestParam(defaultValue = "false") boolean descending, HttpServletResponse response) throws IOException {
		SubscriberFilter filter = new SubscriberFilter(text, status, planId, routerId, lifecycleState);
		long count = this.search.count(filter);
		// charged like reading the same rows through GraphQL (answered 429 when the
		// tenant's bucket cannot pay)
		if (!this.throttle.admit(count, response)) {
			return;
		}
		response.setContentType("text/csv; charset=utf-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("subscribers.csv").build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Total-Count", Long.toString(count));
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		out.write(HEADER);
		out.write("\r\n");
		try {
			this.export.forEach(filter, (orderBy != null) ? orderBy : SubscriberOrder.USERNAME, descending,
					(row) -> write(out, row));
		}
		catch (UncheckedIOException ex) {
			// the client went away mid-download: nothing to answer
			throw ex.getCause();
		}
		out.flush();
	}

	private static void write(Writer out, ExportedSubscriber row) {
		try {
			out.write(String.join(",", CsvCells.cell(row.username()), CsvCells.cell(row.fullName()),
					CsvCells.cell(row.email()), CsvCells.cell(row.phone()), CsvCells.cell(row.address()),
					CsvCells.cell(row.plan()), CsvCells.cell(row.router()), row.status().name(),
					(row.expiresOn() != null) ? row.expiresOn().toString() : "", row.createdAt().toString()));
			out.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
