package io.towerline.core.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two exports of a router, line by line, as unified-diff hunks with
 * three lines of context. The exports' date lines are left out.
 *
 * @param from the older export
 * @param to the newer export
 * @param linesAdded lines only in {@code to}
 * @param linesRemoved lines only in {@code from}
 * @param hunks the changed regions, in order
 * @param truncated whether hunks were cut off after the requested number of lines
 */
public record BackupDiff(RouterBackup from, RouterBackup to, int linesAdded, int linesRemoved, List<Hunk> hunks,
		boolean truncated) {

	static final int CONTEXT = 3;

	/** How a diff line relates the two exports. */
	public enum LineKind {

		/** In both (context). */
		CONTEXT,

		/** Only in the newer export. */
		ADDED,

		/** Only in the older export. */
		REMOVED

	}

	/**
	 * @param fromLine 1-based in the older export, 0 for an added line
	 * @param toLine 1-based in the newer export, 0 for a removed line
	 */
	public record Line(LineKind kind, int fromLine, int toLine, String text) {
	}

	/** A run of changes and their context, like a {@code @@ -a,b +c,d @@} block. */
	public record Hunk(int fromStart, int fromCount, int toStart, int toCount, List<Line> lines) {
	}

	/**
	 * Groups the edit script into hunks; stops after {@code maxLines} lines.
	 */
	static BackupDiff of(RouterBackup from, RouterBackup to, List<String> fromLines, List<String> toLines,
			List<LineDiff.Edit> edits, int maxLines) {
		int added = 0;
		int removed = 0;
		List<Integer> changes = new ArrayList<>();
		for (int i = 0; i < edits.size(); i++) {
			switch (edits.get(i).op()) {
				case ADDED -> added++;
				case REMOVED -> removed++;
				case SAME -> {
					continue;
				}
			}
			changes.add(i);
		}
		List<Hunk> hunks = new ArrayList<>();
		int lines = 0;
		boolean truncated = false;
		int c = 0;
		while (c < changes.size() && !truncated) {
			int start = Math.max(0, changes.get(c) - CONTEXT);
			int end = changes.get(c);
			while (c + 1 < changes.size() && changes.get(c + 1) - end <= 2 * CONTEXT + 1) {
				end = changes.get(++c);
			}
			c++;
			end = Math.min(edits.size() - 1, end + CONTEXT);
			List<Line> hunkLines = new ArrayList<>();
			for (int i = start; i <= end; i++) {
				if (lines == maxLines) {
					truncated = true;
					break;
				}
				hunkLines.add(line(edits.get(i), fromLines, toLines));
				lines++;
			}
			hunks.add(hunk(hunkLines));
		}
		return new BackupDiff(from, to, added, removed, hunks, truncated);
	}

	private static Line line(LineDiff.Edit edit, List<String> fromLines, List<String> toLines) {
		return switch (edit.op()) {
			case SAME -> new Line(LineKind.CONTEXT, edit.fromLine(), edit.toLine(), fromLines.get(edit.fromLine() - 1));
			case REMOVED -> new Line(LineKind.REMOVED, edit.fromLine(), 0, fromLines.get(edit.fromLine() - 1));
			case ADDED -> new Line(LineKind.ADDED, 0, edit.toLine(), toLines.get(edit.toLine() - 1));
		};
	}

	private static Hunk hunk(List<Line> lines) {
		int fromStart = 0;
		int toStart = 0;
		int fromCount = 0;
		int toCount = 0;
		for (Line line : lines) {
			if (line.fromLine() > 0) {
				fromStart = (fromCount == 0) ? line.fromLine() : fromStart;
				fromCount++;
			}
			if (line.toLine() > 0) {
				toStart = (toCount == 0) ? line.toLine() : toStart;
				toCount++;
			}
		}
		return new Hunk(fromStart, fromCount, toStart, toCount, List.copyOf(lines));
	}

}
