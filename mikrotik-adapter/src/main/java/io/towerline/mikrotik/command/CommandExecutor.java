package io.towerline.mikrotik.command;

import java.util.List;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;

/**
 * What the typed menu operations need from a router: run a command, stream one, pipeline
 * many. It is an interface so that the menu packages do not depend on the client package
 * (which depends on them); every call goes through the client's throttle, breaker,
 * retries and audit hook.
 */
public interface CommandExecutor {

	/**
	 * Runs one command and waits for its {@code !done}.
	 * @throws RouterException on every failure, a {@code !trap} included
	 */
	Reply execute(Command command);

	/**
	 * Starts a command that streams rows until cancelled ({@code listen},
	 * {@code monitor-traffic}). {@code onRow} and {@code onError} run on the stream's own
	 * thread, never on the connection's reader.
	 */
	RouterStream stream(Command command, Consumer<Row> onRow, Consumer<RouterException> onError);

	/**
	 * Sends many commands over one connection with a bounded number in flight, and waits
	 * for all of them. A failed command does not stop the others; a broken connection
	 * fails the rest.
	 */
	List<CommandOutcome> pipeline(List<Command> commands);

	/** What the router can do; detected once per router from {@code /system/resource}. */
	RouterCapabilities capabilities();

	/** The router, as {@code host:port}, for messages. */
	String router();

}
