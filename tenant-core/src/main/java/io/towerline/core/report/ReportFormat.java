package io.towerline.core.report;

/** The files a report is written as. */
public enum ReportFormat {

	/** Comma-separated values (RFC 4180), one header line, raw numbers. */
	CSV("text/csv; charset=utf-8", "csv"),

	/** A table on A4 landscape pages with header, totals and page numbers. */
	PDF("application/pdf", "pdf");

	private final String contentType;

	private final String extension;

	ReportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return this.contentType;
	}

	public String extension() {
		return this.extension;
	}

}
