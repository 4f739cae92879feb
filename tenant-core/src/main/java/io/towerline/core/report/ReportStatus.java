package io.towerline.core.report;

/** Where a report is in its generation. */
public enum ReportStatus {

	/** Requested; its job has not started. */
	QUEUED,

	/** Rows are being written. */
	RUNNING,

	/** Both files are ready to download. */
	SUCCEEDED,

	/** Generation failed; the reason is on the report. */
	FAILED;

	public boolean isFinal() {
		return this == SUCCEEDED || this == FAILED;
	}

}
