package io.towerline.api.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import io.towerline.core.error.DomainException;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.report.Report;
import io.towerline.core.report.ReportFormat;
import io.towerline.core.report.Reports;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /report-files/{id}/{csv|pdf}} with the caller's bearer token: the report's
 * file streamed chunk by chunk straight into the response (never whole in memory).
 * Another tenant's report is 404 like a missing one; a report that has not succeeded is
 * 409 {@code REPORT_NOT_READY}. (Not under {@code /reports}: that is the web client's
 * screen, which the browser must be able to reload.)
 */
@RestController
class ReportDownloadController {

	static final String PATH_PREFIX = "/report-files/";

	static String path(UUID id, ReportFormat format) {
		return PATH_PREFIX + id + "/" + format.extension();
	}

	private final Reports reports;

	ReportDownloadController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping(PATH_PREFIX + "{id}/{format}")
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	void download(@PathVariable String id, @PathVariable String format, HttpServletResponse response)
			throws IOException {
		ReportFormat wanted;
		Report report;
		try {
			wanted = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
			report = this.reports.ready(UUID.fromString(id));
		}
		catch (NotFoundException | IllegalArgumentException ex) {
			refuse(response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.NOT_FOUND, "No such report file");
			return;
		}
		catch (DomainException ex) {
			refuse(response, HttpServletResponse.SC_CONFLICT, ex.code(), ex.getMessage());
			return;
		}
		response.setContentType(wanted.contentType());
		Long size = report.size(wanted);
		if (size != null) {
			response.setContentLengthLong(size);
		}
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(Reports.fileName(report, wanted)).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.reports.download(report.id(), wanted, response.getOutputStream());
	}

	private static void refuse(HttpServletResponse response, int status, ErrorCode code, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getOutputStream()
			.write(("{\"code\":\"" + code.name() + "\",\"message\":\"" + message.replace("\"", "'") + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

}
