package io.towerline.mikrotik.ppp;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.towerline.mikrotik.RouterException;
import io.towerline.mikrotik.RouterStream;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.DurationText;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;

/**
 * {@code /ppp/active}: who is online, kicking a session, and a live stream of sessions
 * coming and going.
 */
public final class PppActiveSessions {

	static final List<String> PROPERTIES = List.of(".id", "name", "service", "caller-id", "address", "uptime",
			"session-id");

	private final CommandExecutor executor;

	private final MenuItems items;

	public PppActiveSessions(CommandExecutor executor) {
		this.executor = executor;
		this.items = new MenuItems(executor, "/ppp/active");
	}

	public List<PppActiveSession> list() {
		return this.items.print(PROPERTIES).stream().map(PppActiveSessions::toSession).toList();
	}

	public Optional<PppActiveSession> find(String name) {
		return this.items.findByName(name, PROPERTIES).map(PppActiveSessions::toSession);
	}

	public long count() {
		return this.items.count();
	}

	/**
	 * Disconnects the subscriber's session (it may dial in again unless its secret is
	 * disabled).
	 * @return false when the subscriber was not online
	 */
	public boolean kick(String name) {
		return this.items.removeByName(name);
	}

	/**
	 * Streams session changes ({@code listen}) until the returned stream is closed.
	 * Callbacks run on the stream's own thread; one that throws is logged and the stream
	 * continues.
	 */
	public RouterStream watch(Consumer<SessionEvent> onEvent, Consumer<RouterException> onError) {
		Command listen = Command.to("/ppp/active/listen").build();
		return this.executor.stream(listen, (row) -> {
			if (row.flag(".dead")) {
				onEvent.accept(new SessionEvent.Ended(row.getOrEmpty(".id")));
			}
			else {
				onEvent.accept(new SessionEvent.Started(toSession(row)));
			}
		}, onError);
	}

	static PppActiveSession toSession(Row row) {
		return new PppActiveSession(row.getOrEmpty(".id"), row.getOrEmpty("name"),
				PppService.fromRouter(row.getOrEmpty("service")), row.getOrEmpty("caller-id"),
				row.getOrEmpty("address"), DurationText.parse(row.getOrEmpty("uptime")), row.getOrEmpty("session-id"));
	}

}
