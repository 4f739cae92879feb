package io.towerline.mikrotik.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import io.towerline.mikrotik.RouterCapabilities;
import io.towerline.mikrotik.RouterFileTransferException;
import io.towerline.mikrotik.command.Command;
import io.towerline.mikrotik.command.CommandExecutor;
import io.towerline.mikrotik.command.MenuItems;
import io.towerline.mikrotik.command.Row;
import org.jspecify.annotations.Nullable;

/**
 * {@code /file}. Contents are read as raw bytes, so binary backups and CRLF scripts
 * arrive unchanged: in chunks of 32 KB with {@code /file/read} where the router has it,
 * else through the {@code contents} property, which RouterOS only fills for text files up
 * to 60 KB, and beyond that (RouterOS 6) from the router's FTP service
 * ({@link FtpRetrieval}), on the port {@code /ip/service} names.
 */
public final class Files {

	static final int CHUNK_BYTES = 32768;

	private final CommandExecutor executor;

	private final MenuItems items;

	private final @Nullable FtpRetrieval ftp;

	public Files(CommandExecutor executor) {
		this(executor, null);
	}

	/**
	 * @param ftp how to take files the API cannot carry off a router without
	 * {@code /file/read}; null: such files are refused
	 */
	public Files(CommandExecutor executor, @Nullable FtpRetrieval ftp) {
		this.executor = executor;
		this.items = new MenuItems(executor, "/file");
		this.ftp = ftp;
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
	 * @throws RouterFileTransferException when the file is over 60 KB (or binary) on a
	 * router without {@code /file/read} that cannot hand it over by FTP
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
	 * @throws RouterFileTransferException when the file is over 60 KB (or binary) on a
	 * router without {@code /file/read} whose FTP service is disabled or refuses the
	 * login
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
				byte[] contents = contents(file.get());
				if (contents != null) {
					out.write(contents);
				}
				else {
					return readOverFtp(file.get(), out);
				}
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

	/** What {@code contents} shows: nothing for a file over 60 KB or a binary one. */
	private byte @Nullable [] contents(RouterFile file) {
		Row row = this.items.findByName(file.name(), List.of("contents")).orElse(Row.empty());
		return row.raw("contents");
	}

	private boolean readOverFtp(RouterFile file, OutputStream out) {
		String router = this.executor.router();
		String why = "file " + file.name() + " (" + file.size()
				+ " bytes) is more than this RouterOS version shows in contents (text up to 60 KB) and it has no"
				+ " /file/read; it hands such files over only through its FTP service";
		if (this.ftp == null) {
			throw new RouterFileTransferException(router, why + ", which this client may not use", null);
		}
		Row service = ftpService();
		if (!enabled(service)) {
			throw new RouterFileTransferException(router, why
					+ ", which is disabled: enable /ip service ftp (allowed from the platform's address) and give the"
					+ " API user's group the ftp policy", null);
		}
		return this.ftp.retrieve(router, (int) service.number("port"), file.name(), out);
	}

	/**
	 * Whether files of any size and binary ones can be taken off this router: with
	 * {@code /file/read}, or else through an enabled FTP service (asks the router).
	 */
	public boolean takesAnyFile() {
		return this.executor.capabilities().chunkedFileRead() || (this.ftp != null && enabled(ftpService()));
	}

	private Row ftpService() {
		return new MenuItems(this.executor, "/ip/service").findByName("ftp", List.of("port", "disabled"))
			.orElse(Row.empty());
	}

	private static boolean enabled(Row service) {
		String disabled = service.get("disabled");
		return service.get("port") != null && !"true".equals(disabled) && !"yes".equals(disabled);
	}

	static RouterFile toFile(Row row, String timestampField) {
		return new RouterFile(row.getOrEmpty(".id"), row.getOrEmpty("name"), row.getOrEmpty("type"), row.number("size"),
				RouterCapabilities.parseDate(row.get(timestampField)));
	}

}
