package io.towerline.mikrotik.simulator;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code /file}: backups and exports land here. {@code contents} is only shown for files
 * up to 60 KB (as on RouterOS); bigger ones, and binary backups, need {@code /file/read}
 * in chunks of at most 32 KB (v7 only).
 */
final class FileStore implements MenuRules {

	static final int CONTENTS_LIMIT = 60 * 1024;

	static final int MAX_CHUNK = 32768;

	private final ItemTable files = new ItemTable();

	private final SimulatorVersion version;

	FileStore(SimulatorVersion version) {
		this.version = version;
	}

	void register(CommandTable commands) {
		TableMenu menu = new TableMenu("/file", this.files, this);
		menu.registerReadOnly(commands);
		menu.registerRemove(commands);
		if (this.version.chunkedFileRead()) {
			commands.register("/file/read", this::read);
		}
	}

	/**
	 * Stores a file, replacing one with the same name, as RouterOS does when a backup is
	 * saved again.
	 */
	void put(String name, String type, String rawContents) {
		String existing = this.files.resolve(name);
		if (existing != null) {
			this.files.remove(existing);
		}
		Map<String, String> item = new LinkedHashMap<>();
		item.put("name", name);
		item.put("type", type);
		item.put("size", Integer.toString(rawContents.length()));
		item.put(this.version.fileTimestampField(), this.version.formatDate(LocalDateTime.now()));
		item.put("contents", rawContents);
		this.files.add(item, (candidate) -> null);
	}

	/** Raw names of every file. */
	List<String> names() {
		return this.files.snapshot().stream().map((item) -> item.get("name")).toList();
	}

	@Nullable String contents(String name) {
		return this.files.byName(name).map((item) -> item.get("contents")).orElse(null);
	}

	private void read(ApiRequest request, ReplyChannel reply) throws InterruptedException {
		String name = request.attribute("file");
		String contents = (name != null) ? contents(name) : null;
		if (contents == null) {
			reply.fail(1, "no such file");
			return;
		}
		int offset = parse(request.attribute("offset"), 0);
		int chunkSize = parse(request.attribute("chunk-size"), MAX_CHUNK);
		if (chunkSize <= 0 || chunkSize > MAX_CHUNK) {
			reply.fail(1, "chunk-size must be between 1 and " + MAX_CHUNK);
			return;
		}
		int start = Math.min(Math.max(offset, 0), contents.length());
		int end = Math.min(start + chunkSize, contents.length());
		reply.row(Map.of("data", contents.substring(start, end)));
		reply.done();
	}

	private static int parse(@Nullable String value, int fallback) {
		try {
			return (value != null) ? Integer.parseInt(value) : fallback;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@Override
	public Map<String, String> view(Map<String, String> stored) {
		if (stored.get("contents") == null) {
			return stored;
		}
		boolean readable = !"backup".equals(stored.get("type")) && stored.get("contents").length() <= CONTENTS_LIMIT;
		if (readable) {
			return stored;
		}
		Map<String, String> view = new LinkedHashMap<>(stored);
		view.remove("contents");
		return view;
	}

}
