package io.towerline.core.notification;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The channels each subscriber of the bound tenant does not want messages on. */
@Service
@Transactional
public class OptOuts {

	private final JdbcClient jdbc;

	OptOuts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Set<Channel> of(UUID subscriberId) {
		return of(TenantContext.require(), subscriberId);
	}

	@Transactional(readOnly = true)
	Set<Channel> of(TenantId tenant, UUID subscriberId) {
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		this.jdbc.sql("SELECT channel FROM " + tenant.schemaName() + ".notification_opt_out WHERE subscriber_id = ?")
			.param(subscriberId)
			.query(String.class)
			.list()
			.forEach((channel) -> channels.add(Channel.valueOf(channel)));
		return channels;
	}

	/** The channels each of the subscribers opted out of, in one read. */
	@Transactional(readOnly = true)
	Map<UUID, Set<Channel>> of(TenantId tenant, Collection<UUID> subscriberIds) {
		if (subscriberIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Set<Channel>> channels = new HashMap<>();
		this.jdbc
			.sql("SELECT subscriber_id, channel FROM " + tenant.schemaName()
					+ ".notification_opt_out WHERE subscriber_id = ANY(CAST(CAST(:ids AS text[]) AS uuid[]))")
			.param("ids", subscriberIds.stream().map(UUID::toString).toArray(String[]::new))
			.query((row, n) -> channels
				.computeIfAbsent(row.getObject("subscriber_id", UUID.class), (id) -> EnumSet.noneOf(Channel.class))
				.add(Channel.valueOf(row.getString("channel"))))
			.list();
		return channels;
	}

	/** Opts the subscriber out of (or back into) a channel; the subscriber must exist. */
	public Set<Channel> set(UUID subscriberId, Channel channel, boolean optedOut) {
		TenantId tenant = TenantContext.require();
		if (optedOut) {
			this.jdbc
				.sql("INSERT INTO " + tenant.schemaName()
						+ ".notification_opt_out (subscriber_id, channel) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(subscriberId, channel.name())
				.update();
		}
		else {
			this.jdbc
				.sql("DELETE FROM " + tenant.schemaName()
						+ ".notification_opt_out WHERE subscriber_id = ? AND channel = ?")
				.params(subscriberId, channel.name())
				.update();
		}
		return of(tenant, subscriberId);
	}

}
