package io.towerline.mikrotik.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterCommandRejectedException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;

/**
 * {@code /file}. Contents are read as raw bytes, so binary backups and CRLF scripts
 * arrive unchanged: in chunks of 32 KB with {@code /file/read} where the router has it,
 * else through the {@code contents} property, which RouterOS only fills for files up to
 * 60 KB.
 */
public final class Files {

	static final int CHUNK_BYTES = 32768;

	private final CommandExecutor executor;

	private final MenuItems items;

	public Files(CommandExecutor executor) {
		this.executor = executor;
		this.items = new MenuItems(executor, "/file");
	}

	public List<RouterFile> list() {
		String timestamp = this.executor.capabilities().fileTimestampField();
		return this.items.print(List.of(".id", "name", "type", "size", timestamp))
			.stream()
			.map((row) -> toFile(row, timestamp))
			.toList();
	}

	public Optional<RouterFile> find(String name) {
		String timestamp = this.executor.capabilities().fileTimestampField();
		return this.items.findByName(name, List.of(".id", "name", "type", "size", timestamp))
			.map((row) -> toFile(row, timestamp));
	}

	/**
	 * The file's bytes, or empty when there is no such file. Holds the whole file: for
	 * big files use {@link #readTo}.
	 * @throws RouterCommandRejectedException when the file is over 60 KB on a router
	 * without {@code /file/read}
	 */
	public Optional<byte[]> read(String name) {
		ByteArrayOutputStream contents = new ByteArrayOutputStream();
		return readTo(name, contents) ? Optional.of(contents.toByteArray()) : Optional.empty();
	}

	/**
	 * Streams the file's bytes into {@code out}, one chunk of at most 32 KB at a time
	 * where the router has {@code /file/read}, so a file of any size never sits whole in
	 * memory.
	 * @return false when there is no such file (nothing was written)
	 * @throws RouterCommandRejectedException when the file is over 60 KB on a router
	 * without {@code /file/read}
	 * @throws UncheckedIOException when {@code out} fails
	 */
	public boolean readTo(String name, OutputStream out) {
		Optional<RouterFile> file = find(name);
		if (file.isEmpty()) {
			return false;
		}
		RouterCapabilities capabilities = this.executor.capabilities();
		try {
			if (capabilities.chunkedFileRead()) {
				readChunks(file.get(), out);
			}
			else {
				out.write(readContents(file.get()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return true;
	}

	/**
	 * Has the router download a file with {@code /tool/fetch} (every RouterOS version has
	 * it): the API cannot carry a binary file to the router, and {@code /file/add} only
	 * takes text up to 60 KB (7.9+). The URL goes to the audit log redacted, since it is
	 * a capability for as long as it is valid.
	 * @param url where the router downloads from ({@code http} or {@code https})
	 * @param name the file name on the router
	 */
	public void fetch(String url, String name) {
		Command fetch = Command.to("/tool/fetch")
			.withSecret("url", url)
			.with("dst-path", name)
			.with("mode", url.startsWith("https:") ? "https" : "http")
			.build();
		this.executor.execute(fetch);
	}

	/**
	 * @return false when there was no such file
	 */
	public boolean remove(String name) {
		return this.items.removeByName(name);
	}

	private void readChunks(RouterFile file, OutputStream contents) throws IOException {
		long offset = 0;
		while (offset < file.size()) {
			Command read = Command.to("/file/read")
				.with("file", file.name())
				.withNumber("offset", offset)
				.withNumber("chunk-size", CHUNK_BYTES)
				.build();
			List<Row> rows = this.executor.execute(read).rows();
			byte[] chunk = rows.isEmpty() ? null : rows.get(0).raw("data");
			if (chunk == null || chunk.length == 0) {
				break;
			}
			contents.write(chunk);
			offset += chunk.length;
		}
	}

	private byte[] readContents(RouterFile file) {
		Row row = this.items.findByName(file.name(), List.of("contents")).orElse(Row.empty());
		byte[] contents = row.raw("contents");
		if (contents == null) {
			throw new RouterCommandRejectedException(this.executor.router(), "/file/print", null, "file " + file.name()
					+ " is larger than the 60 KB RouterOS shows in contents, and this version has no /file/read");
		}
		return contents;
	}

	static RouterFile toFile(Row row, String timestampField) {
		return new RouterFile(row.getOrEmpty(".id"), row.getOrEmpty("name"), row.getOrEmpty("type"), row.number("size"),
				RouterCapabilities.parseDate(row.get(timestampField)));
	}

}
