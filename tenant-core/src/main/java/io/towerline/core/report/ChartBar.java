package io.towerline.core.report;

/**
 * One bar of a report's chart: a group (usage reports: the biggest users of the period)
 * or a day (event reports), with the values of the report's two series.
 */
public record ChartBar(String label, long first, long second) {

}
