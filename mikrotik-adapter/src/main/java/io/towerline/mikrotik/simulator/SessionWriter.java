package io.towerline.mikrotik.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The only thread that writes a session's socket. Command threads hand it whole encoded
 * reply batches, so replies of different tags interleave only at sentence boundaries,
 * each batch leaves in one write, and a command thread can be interrupted by
 * {@code /cancel} without the JDK closing the socket under it.
 */
final class SessionWriter implements Runnable {

	private static final byte[] CLOSE = new byte[0];

	private final Socket socket;

	private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();

	SessionWriter(Socket socket) {
		this.socket = socket;
	}

	void send(byte[] bytes) {
		if (bytes.length > 0) {
			this.queue.add(bytes);
		}
	}

	/**
	 * Closes the socket once everything queued so far is written (used after
	 * {@code !fatal}).
	 */
	void closeAfterQueued() {
		this.queue.add(CLOSE);
	}

	@Override
	public void run() {
		try (OutputStream out = this.socket.getOutputStream()) {
			while (true) {
				byte[] bytes = this.queue.take();
				if (bytes == CLOSE) {
					break;
				}
				out.write(bytes);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the peer went away or the simulator stops; the reader side notices as well
		}
		finally {
			closeQuietly();
		}
	}

	void closeQuietly() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
