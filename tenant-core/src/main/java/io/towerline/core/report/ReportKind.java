package io.towerline.core.report;

import java.util.List;

/** What a report is about; each kind has its own fixed columns. */
public enum ReportKind {

	/** Usage per subscriber (unmanaged user names as their own rows), by user name. */
	USAGE_BY_SUBSCRIBER("Usage by subscriber",
			List.of(Column.text("subscriber_id", "Subscriber id"), Column.text("username", "User name"),
					Column.bytes("download_bytes", "Download"), Column.bytes("upload_bytes", "Upload"),
					Column.bytes("total_bytes", "Total"))),

	/** Usage per plan the usage happened on. */
	USAGE_BY_PLAN("Usage by plan", usageColumns("plan_id", "plan", "Plan")),

	/** Usage per router. */
	USAGE_BY_ROUTER("Usage by router", usageColumns("router_id", "router", "Router")),

	/** Usage per POP of the router. */
	USAGE_BY_POP("Usage by POP", usageColumns("pop_id", "pop", "POP")),

	/** The subscribers who used most, most first. */
	TOP_USERS("Top users",
			List.of(Column.number("rank", "Rank"), Column.text("subscriber_id", "Subscriber id"),
					Column.text("username", "User name"), Column.bytes("download_bytes", "Download"),
					Column.bytes("upload_bytes", "Upload"), Column.bytes("total_bytes", "Total"))),

	/** Every suspension and restore, by the lifecycle or by staff, in time order. */
	SUSPENSIONS_AND_RESTORES("Suspensions and restores", eventColumns()),

	/** Every plan change, single or bulk, in time order. */
	PLAN_CHANGES("Plan changes", eventColumns());

	private final String title;

	private final List<Column> columns;

	ReportKind(String title, List<Column> columns) {
		this.title = title;
		this.columns = columns;
	}

	/** The report's title, for people. */
	public String title() {
		return this.title;
	}

	/** The columns of its rows, in order. */
	List<Column> columns() {
		return this.columns;
	}

	/** Whether the report adds up usage (the others list timeline events). */
	boolean isUsage() {
		return this != SUSPENSIONS_AND_RESTORES && this != PLAN_CHANGES;
	}

	private static List<Column> usageColumns(String idName, String name, String title) {
		return List.of(Column.text(idName, title + " id"), Column.text(name, title),
				Column.bytes("download_bytes", "Download"), Column.bytes("upload_bytes", "Upload"),
				Column.bytes("total_bytes", "Total"));
	}

	private static List<Column> eventColumns() {
		return List.of(Column.text("occurred_at", "When (UTC)"), Column.text("subscriber_id", "Subscriber id"),
				Column.text("username", "User name"), Column.text("event", "Event"), Column.text("summary", "What"),
				Column.text("actor", "By"));
	}

	/**
	 * One column.
	 *
	 * @param name its CSV header
	 * @param title its PDF header
	 * @param numeric whether its values are whole numbers (right-aligned, grouped in the
	 * PDF)
	 * @param width its share of the PDF page's width
	 */
	public record Column(String name, String title, boolean numeric, int width) {

		static Column text(String name, String title) {
			return new Column(name, title, false, name.endsWith("_id") ? 0 : 3);
		}

		static Column bytes(String name, String title) {
			return new Column(name, title, true, 2);
		}

		static Column number(String name, String title) {
			return new Column(name, title, true, 1);
		}

	}

}
