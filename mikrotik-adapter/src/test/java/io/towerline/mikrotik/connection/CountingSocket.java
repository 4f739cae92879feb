package io.towerline.mikrotik.connection;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A socket that counts the calls the connection makes on its raw streams. */
class CountingSocket extends Socket {

	final AtomicInteger reads = new AtomicInteger();

	final AtomicInteger writes = new AtomicInteger();

	@Override
	public InputStream getInputStream() throws IOException {
		return new FilterInputStream(super.getInputStream()) {

			@Override
			public int read() throws IOException {
				CountingSocket.this.reads.incrementAndGet();
				return super.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				CountingSocket.this.reads.incrementAndGet();
				return super.read(buffer, offset, length);
			}

		};
	}

	@Override
	public OutputStream getOutputStream() throws IOException {
		OutputStream out = super.getOutputStream();
		return new FilterOutputStream(out) {

			@Override
			public void write(int b) throws IOException {
				CountingSocket.this.writes.incrementAndGet();
				out.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				CountingSocket.this.writes.incrementAndGet();
				out.write(bytes, offset, length);
			}

		};
	}

}
