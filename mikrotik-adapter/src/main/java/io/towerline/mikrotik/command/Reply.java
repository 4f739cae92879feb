package io.towerline.mikrotik.command;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The complete answer to a command that ended with {@code !done}.
 *
 * @param rows the {@code !re} rows in order
 * @param done the attributes carried by {@code !done}, e.g. {@code ret}
 */
public record Reply(List<Row> rows, Row done) {

	/**
	 * {@code =ret=} of {@code !done}: the new {@code .id} after {@code add}, the count
	 * after {@code count-only}.
	 */
	@Nullable String ret() {
		return this.done.get("ret");
	}

}
