package io.towerline.core.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.towerline.core.credentials.SealedSecrets;
import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.notification.Channel;
import io.towerline.core.notification.EventFilter;
import io.towerline.core.notification.Outbox;
import io.towerline.core.notification.Outbox.OutboxFilter;
import io.towerline.core.notification.OutboxMessage;
import io.towerline.core.outbound.OutboundDestinations;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's webhook endpoints, their delivery log and replay. An endpoint's
 * signing secret is generated here, shown once, and kept sealed.
 */
@Service
@Transactional
public class WebhookEndpoints {

	static final int MAX_ENDPOINTS = 20;

	private static final String COLUMNS = "id, url, secret_ref, event_filter, enabled, created_at";

	private final JdbcClient jdbc;

	private final SealedSecrets secrets;

	private final Outbox outbox;

	private final Clock clock;

	private final OutboundDestinations destinations;

	private final SecureRandom random = new SecureRandom();

	WebhookEndpoints(JdbcClient jdbc, SealedSecrets secrets, Outbox outbox, Clock clock,
			OutboundDestinations destinations) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.outbox = outbox;
		this.clock = clock;
		this.destinations = destinations;
	}

	@Transactional(readOnly = true)
	public List<WebhookEndpoint> list() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM " + table(TenantContext.require()) + " ORDER BY created_at, id")
			.query(WebhookEndpoints::endpoint)
			.list();
	}

	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public WebhookEndpoint get(UUID id) {
		return find(TenantContext.require(), id).orElseThrow(() -> new NotFoundException("WebhookEndpoint", id));
	}

	/**
	 * Adds an endpoint.
	 * @return the endpoint and its signing secret, which is never shown again
	 * @throws InvalidInputException when the URL or filter is malformed
	 */
	public CreatedEndpoint create(String url, String filter) {
		EventFilter events = EventFilter.parse(filter, "events");
		if (!validUrl(url)) {
			throw new InvalidInputException(FieldError.invalid("url", "The endpoint is an http or https URL"));
		}
		this.destinations.refusal(URI.create(url)).ifPresent((why) -> {
			throw new InvalidInputException(FieldError.invalid("url", why));
		});
		TenantId tenant = TenantContext.require();
		if (list().size() >= MAX_ENDPOINTS) {
			throw new InvalidInputException(new FieldError("url", ErrorCode.INVALID_STATE,
					"A tenant has at most " + MAX_ENDPOINTS + " webhook endpoints"));
		}
		UUID id = UUID.randomUUID();
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String reference = this.secrets.seal("webhook:" + id, secret.toCharArray());
		this.jdbc.sql("INSERT INTO " + table(tenant) + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, true, ?)")
			.params(id, url, reference, events.toString(), Timestamp.from(this.clock.instant()))
			.update();
		return new CreatedEndpoint(get(id), secret);
	}

	public WebhookEndpoint setEnabled(UUID id, boolean enabled) {
		int changed = this.jdbc.sql("UPDATE " + table(TenantContext.require()) + " SET enabled = ? WHERE id = ?")
			.params(enabled, id)
			.update();
		if (changed == 0) {
			throw new NotFoundException("WebhookEndpoint", id);
		}
		return get(id);
	}

	/** Removes the endpoint; its log stays, its queued deliveries fail when due. */
	public void delete(UUID id) {
		String reference = find(TenantContext.require(), id).map((endpoint) -> secretReference(id))
			.orElseThrow(() -> new NotFoundException("WebhookEndpoint", id));
		this.jdbc.sql("DELETE FROM " + table(TenantContext.require()) + " WHERE id = ?").param(id).update();
		this.secrets.discardAfterCommit(reference);
	}

	/** The endpoint's deliveries, newest first. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> deliveries(UUID endpointId, @Nullable UUID after, int limit) {
		get(endpointId);
		return this.outbox.list(new OutboxFilter(null, Channel.WEBHOOK, null, endpointId, null), after, limit);
	}

	/** Queues a delivery again (a new delivery id, the same event). */
	public OutboxMessage replay(UUID deliveryId) {
		OutboxMessage delivery = this.outbox.get(deliveryId);
		if (delivery.channel() != Channel.WEBHOOK || delivery.endpointId() == null) {
			throw new NotFoundException("WebhookDelivery", deliveryId);
		}
		get(delivery.endpointId());
		return this.outbox.get(this.outbox.replay(deliveryId));
	}

	@Transactional(readOnly = true)
	List<EndpointTarget> targets(TenantId tenant) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + table(tenant) + " WHERE enabled")
			.query((row, n) -> new EndpointTarget(endpoint(row, n), row.getString("secret_ref")))
			.list();
	}

	Optional<String> secretOf(TenantId tenant, UUID endpointId) {
		return this.jdbc.sql("SELECT secret_ref FROM " + table(tenant) + " WHERE id = ?")
			.param(endpointId)
			.query(String.class)
			.optional()
			.map(this.secrets::reveal);
	}

	private String secretReference(UUID id) {
		return this.jdbc.sql("SELECT secret_ref FROM " + table(TenantContext.require()) + " WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private Optional<WebhookEndpoint> find(TenantId tenant, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM " + table(tenant) + " WHERE id = ?")
			.param(id)
			.query(WebhookEndpoints::endpoint)
			.optional();
	}

	private static boolean validUrl(@Nullable String url) {
		try {
			URI uri = URI.create((url != null) ? url : "");
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& url.length() <= 2000;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String table(TenantId tenant) {
		return tenant.schemaName() + ".webhook_endpoint";
	}

	private static WebhookEndpoint endpoint(ResultSet row, int rowNumber) throws SQLException {
		return new WebhookEndpoint(row.getObject("id", UUID.class), row.getString("url"),
				new EventFilter(List.of(row.getString("event_filter").split(","))), row.getBoolean("enabled"),
				row.getTimestamp("created_at").toInstant());
	}

	/**
	 * A new endpoint with its secret.
	 *
	 * @param endpoint the endpoint
	 * @param secret the signing secret, shown this once
	 */
	public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {

	}

	record EndpointTarget(WebhookEndpoint endpoint, String secretReference) {

	}

}
