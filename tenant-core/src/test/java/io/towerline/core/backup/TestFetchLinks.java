package io.towerline.core.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import io.towerline.core.CoreTestApplication;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Serves backups to simulated routers over loopback HTTP, as the web layer does in the
 * application: {@code /<tenant>/<backup id>} streams the backup's plaintext. A bean of
 * every context of this module's tests (any of them may run a restore operation, since
 * they share the scheduler table), and of no other module's.
 */
@Component
@ConditionalOnBean(CoreTestApplication.class)
final class TestFetchLinks implements BackupFetchLinks, DisposableBean {

	private final HttpServer server;

	TestFetchLinks(Backups backups) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			String[] parts = exchange.getRequestURI().getPath().split("/");
			try {
				TenantContext.runAs(TenantId.of(parts[1]), () -> {
					backups.get(UUID.fromString(parts[2]));
					try (OutputStream body = exchange.getResponseBody()) {
						exchange.sendResponseHeaders(200, 0);
						backups.download(UUID.fromString(parts[2]), body);
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
			catch (NotFoundException ex) {
				exchange.sendResponseHeaders(404, -1);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	@Override
	public Optional<URI> base() {
		return Optional.of(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()));
	}

	@Override
	public URI link(TenantId tenant, UUID backupId, Duration validFor) {
		return URI
			.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/" + tenant.slug() + "/" + backupId);
	}

	@Override
	public void destroy() {
		this.server.stop(0);
	}

}
