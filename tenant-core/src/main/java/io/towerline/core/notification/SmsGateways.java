package io.towerline.core.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.outbound.OutboundDestinations;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's SMS gateway; its secret is sealed like router passwords. */
@Service
@Transactional
public class SmsGateways {

	private final JdbcClient jdbc;

	private final SealedSecrets secrets;

	private final Clock clock;

	private final OutboundDestinations destinations;

	SmsGateways(JdbcClient jdbc, SealedSecrets secrets, Clock clock, OutboundDestinations destinations) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
		this.destinations = destinations;
	}

	@Transactional(readOnly = true)
	public Optional<SmsGateway> current() {
		return of(TenantContext.require());
	}

	@Transactional(readOnly = true)
	Optional<SmsGateway> of(TenantId tenant) {
		return this.jdbc
			.sql("SELECT url, body_template, secret_ref FROM " + tenant.schemaName() + ".sms_gateway WHERE id = 1")
			.query((row, n) -> new SmsGateway(row.getString("url"), row.getString("body_template"),
					row.getString("secret_ref")))
			.optional();
	}

	/**
	 * Sets the gateway; a null secret keeps the one stored.
	 * @throws InvalidInputException when the URL is not http(s) or the template is empty
	 */
	public SmsGateway set(String url, String bodyTemplate, @Nullable String secret) {
		if (!validUrl(url)) {
			throw new InvalidInputException(FieldError.invalid("url", "The gateway URL is an http or https URL"));
		}
		this.destinations.refusal(URI.create(url)).ifPresent((why) -> {
			throw new InvalidInputException(FieldError.invalid("url", why));
		});
		if (bodyTemplate == null || bodyTemplate.isBlank() || bodyTemplate.length() > 4000
				|| !bodyTemplate.contains("{{text}}") || !bodyTemplate.contains("{{to}}")) {
			throw new InvalidInputException(FieldError.invalid("bodyTemplate",
					"The body (at most 4000 characters) must contain {{to}} and {{text}}"));
		}
		TenantId tenant = TenantContext.require();
		String previous = of(tenant).map(SmsGateway::secretReference).orElse(null);
		String reference = previous;
		if (secret != null) {
			reference = this.secrets.seal("sms-gateway", secret.toCharArray());
			if (previous != null) {
				this.secrets.discardAfterCommit(previous);
			}
		}
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".sms_gateway (id, url, body_template, secret_ref, updated_at)"
					+ " VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url,"
					+ " body_template = EXCLUDED.body_template, secret_ref = EXCLUDED.secret_ref,"
					+ " updated_at = EXCLUDED.updated_at")
			.params(url, bodyTemplate, reference, Timestamp.from(this.clock.instant()))
			.update();
		return new SmsGateway(url, bodyTemplate, reference);
	}

	/** The gateway's secret in clear, for one request. */
	String secret(SmsGateway gateway) {
		return (gateway.secretReference() != null) ? this.secrets.reveal(gateway.secretReference()) : "";
	}

	static boolean validUrl(@Nullable String url) {
		try {
			URI uri = URI.create((url != null) ? url : "");
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& url.length() <= 2000;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
