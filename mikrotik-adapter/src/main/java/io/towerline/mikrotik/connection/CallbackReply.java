package io.towerline.mikrotik.connection;

import java.util.function.Consumer;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;

/**
 * Collects a pipelined command's reply and reports the result once; used by batches,
 * whose completion callback only records the result and releases an in-flight permit.
 */
final class CallbackReply implements ReplyHandler {

	private final CollectedReply collected = new CollectedReply();

	private final Command command;

	private final RouterConnection connection;

	private final Consumer<CommandResult> whenDone;

	CallbackReply(Command command, RouterConnection connection, Consumer<CommandResult> whenDone) {
		this.command = command;
		this.connection = connection;
		this.whenDone = whenDone;
	}

	@Override
	public void row(Row row) {
		this.collected.row(row);
	}

	@Override
	public void trap(@Nullable Integer category, String message) {
		this.collected.trap(category, message);
	}

	@Override
	public void done(Row attributes) {
		this.collected.done(attributes);
		finish();
	}

	@Override
	public void failed(RouterException failure) {
		this.collected.failed(failure);
		finish();
	}

	private void finish() {
		CommandResult result;
		try {
			result = new CommandResult(this.command, this.connection.outcome(this.command, this.collected), null);
		}
		catch (RouterException ex) {
			result = new CommandResult(this.command, null, ex);
		}
		this.whenDone.accept(result);
	}

}
