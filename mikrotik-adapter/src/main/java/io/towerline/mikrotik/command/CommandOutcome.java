package io.towerline.mikrotik.command;

import io.towerline.mikrotik.RouterException;
import org.jspecify.annotations.Nullable;

/**
 * The result of one command in a pipelined batch: exactly one of {@code reply} and
 * {@code error} is set.
 */
public record CommandOutcome(Command command, @Nullable Reply reply, @Nullable RouterException error) {

	public boolean succeeded() {
		return this.error == null;
	}

}
