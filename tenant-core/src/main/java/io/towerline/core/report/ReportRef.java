package io.towerline.core.report;

import java.util.UUID;

/**
 * The data of a report's generation job: which tenant, which report. Everything else is
 * read from the tenant's schema when the job runs.
 *
 * @param tenant tenant slug
 * @param reportId the report
 */
record ReportRef(String tenant, UUID reportId) {

}
