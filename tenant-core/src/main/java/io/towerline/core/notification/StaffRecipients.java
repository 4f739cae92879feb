package io.towerline.core.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's staff recipients: who hears of which events (for example
 * {@code alert.*}) on e-mail or SMS.
 */
@Service
@Transactional
public class StaffRecipients {

	static final int MAX_RECIPIENTS = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffRecipients(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<StaffRecipient> list() {
		return of(TenantContext.require());
	}

	@Transactional(readOnly = true)
	List<StaffRecipient> of(TenantId tenant) {
		return this.jdbc
			.sql("SELECT id, channel, address, event_filter FROM " + tenant.schemaName()
					+ ".staff_recipient ORDER BY created_at, id")
			.query((row, n) -> new StaffRecipient(row.getObject("id", UUID.class),
					Channel.valueOf(row.getString("channel")), row.getString("address"),
					new EventFilter(List.of(row.getString("event_filter").split(",")))))
			.list();
	}

	/**
	 * @throws InvalidInputException when the channel is a webhook (integrations have
	 * endpoints), the address is malformed or the filter is
	 */
	public StaffRecipient add(Channel channel, String address, String filter) {
		EventFilter events = EventFilter.parse(filter, "events");
		String clean = (address != null) ? address.strip() : "";
		boolean valid = switch (channel) {
			case EMAIL -> clean.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") && clean.length() <= 254;
			case SMS -> clean.matches("^[+0-9 ().-]{3,32}$");
			case WEBHOOK -> false;
		};
		if (!valid) {
			throw new InvalidInputException(FieldError.invalid("address",
					(channel == Channel.WEBHOOK) ? "Integrations receive events through webhook endpoints"
							: "The address is not a valid " + channel.name().toLowerCase() + " address"));
		}
		TenantId tenant = TenantContext.require();
		if (of(tenant).size() >= MAX_RECIPIENTS) {
			throw new InvalidInputException(FieldError.invalid("address", "At most " + MAX_RECIPIENTS + " recipients"));
		}
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName()
					+ ".staff_recipient (id, channel, address, event_filter, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, channel.name(), clean, events.toString(), Timestamp.from(this.clock.instant()))
			.update();
		return new StaffRecipient(id, channel, clean, events);
	}

	public void remove(UUID id) {
		int removed = this.jdbc
			.sql("DELETE FROM " + TenantContext.require().schemaName() + ".staff_recipient WHERE id = ?")
			.param(id)
			.update();
		if (removed == 0) {
			throw new NotFoundException("StaffRecipient", id);
		}
	}

}
