package io.towerline.mikrotik.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The shared behaviour of {@code print} and {@code listen}: queries, {@code .proplist},
 * {@code count-only}, {@code !empty} on versions that send it, {@code follow}, and
 * {@code .dead=yes} for removed items.
 */
final class TablePrinter {

	private TablePrinter() {
	}

	static void print(List<Map<String, String>> items, ApiRequest request, ReplyChannel reply)
			throws InterruptedException {
		QueryFilter filter = new QueryFilter(request.queries());
		int count = 0;
		boolean countOnly = request.has("count-only");
		for (Map<String, String> item : items) {
			if (filter.matches(item)) {
				count++;
				if (!countOnly) {
					reply.row(select(item, request.proplist()));
				}
			}
		}
		if (countOnly) {
			reply.done(Map.of("ret", Integer.toString(count)));
			return;
		}
		if (count == 0) {
			reply.emptyIfSupported();
		}
		reply.done();
	}

	/**
	 * Streams changes until {@code /cancel}; {@code follow} sends the current items
	 * first.
	 */
	static void listen(ItemTable table, Function<Map<String, String>, Map<String, String>> view, ApiRequest request,
			ReplyChannel reply) throws InterruptedException {
		BlockingQueue<Map<String, String>> changes = table.subscribe();
		try {
			QueryFilter filter = new QueryFilter(request.queries());
			if (request.has("follow")) {
				for (Map<String, String> item : table.snapshot()) {
					if (filter.matches(view.apply(item))) {
						reply.row(select(view.apply(item), request.proplist()), true);
					}
				}
			}
			reply.live();
			while (!reply.finished()) {
				Map<String, String> change = changes.take();
				if (change.containsKey(".dead")) {
					reply.row(change, true);
				}
				else if (filter.matches(view.apply(change))) {
					reply.row(select(view.apply(change), request.proplist()), true);
				}
			}
		}
		finally {
			table.unsubscribe(changes);
		}
	}

	static Map<String, String> select(Map<String, String> item, @Nullable List<String> proplist) {
		if (proplist == null) {
			return item;
		}
		Map<String, String> selected = new LinkedHashMap<>();
		for (String name : proplist) {
			String value = item.get(name);
			if (value != null) {
				selected.put(name, value);
			}
		}
		return selected;
	}

}
