package io.towerline.core.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.tenancy.TenantContext;
import io.towerline.core.tenancy.TenantId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's texts per event and channel, falling back to the built-in ones, and
 * their rendering with an event's variables (also as a preview).
 */
@Service
@Transactional
public class NotificationTemplates {

	static final int MAX_BODY = 10_000;

	static final int MAX_SUBJECT = 1000;

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationTemplates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The template in force for the event on the channel. */
	@Transactional(readOnly = true)
	public Template get(TenantId tenant, String eventType, Channel channel) {
		return this.jdbc
			.sql("SELECT subject, body, enabled FROM " + tenant.schemaName()
					+ ".notification_template WHERE event_type = ? AND channel = ?")
			.params(eventType, channel.name())
			.query((row, n) -> new Template(eventType, channel, row.getString("subject"), row.getString("body"),
					row.getBoolean("enabled"), false))
			.optional()
			.orElseGet(() -> BuiltInTemplates.of(eventType, channel));
	}

	/** The templates of the subscriber-facing events on e-mail and SMS, as in force. */
	@Transactional(readOnly = true)
	public List<Template> list() {
		TenantId tenant = TenantContext.require();
		List<Template> templates = new ArrayList<>();
		for (String type : BuiltInTemplates.SUBSCRIBER_EVENTS.stream().sorted().toList()) {
			for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
				templates.add(get(tenant, type, channel));
			}
		}
		return templates;
	}

	/**
	 * Sets the tenant's own text.
	 * @throws InvalidInputException when a text is too long, empty or names an unknown
	 * variable
	 */
	public Template set(String eventType, Channel channel, @Nullable String subject, String body, boolean enabled) {
		List<FieldError> errors = new ArrayList<>();
		if (!eventType.matches("[a-z][a-z_]*\\.[a-z][a-z_]*")) {
			errors.add(FieldError.invalid("eventType", "An event type is <feature>.<verb>"));
		}
		if (channel == Channel.WEBHOOK) {
			errors.add(FieldError.invalid("channel", "Webhooks carry the event itself, not a text"));
		}
		if (body == null || body.isBlank() || body.length() > MAX_BODY) {
			errors.add(FieldError.invalid("body", "The text is 1 to " + MAX_BODY + " characters"));
		}
		if (subject != null && subject.length() > MAX_SUBJECT) {
			errors.add(FieldError.invalid("subject", "The subject is at most " + MAX_SUBJECT + " characters"));
		}
		Set<String> unknown = TemplateText.unknown(((subject != null) ? subject : "") + " " + body);
		if (!unknown.isEmpty()) {
			errors.add(FieldError.invalid("body", "Unknown variables: " + String.join(", ", unknown) + "; known are "
					+ String.join(", ", TemplateText.VARIABLES.stream().sorted().toList())));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		TenantId tenant = TenantContext.require();
		this.jdbc
			.sql("INSERT INTO " + tenant.schemaName() + ".notification_template"
					+ " (event_type, channel, subject, body, enabled, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
					+ " ON CONFLICT (event_type, channel) DO UPDATE SET subject = EXCLUDED.subject,"
					+ " body = EXCLUDED.body, enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at")
			.params(eventType, channel.name(), subject, body, enabled, Timestamp.from(this.clock.instant()))
			.update();
		return get(tenant, eventType, channel);
	}

	/** Goes back to the built-in text. */
	public Template reset(String eventType, Channel channel) {
		TenantId tenant = TenantContext.require();
		this.jdbc
			.sql("DELETE FROM " + tenant.schemaName() + ".notification_template WHERE event_type = ? AND channel = ?")
			.params(eventType, channel.name())
			.update();
		return get(tenant, eventType, channel);
	}

	/**
	 * The message the template in force would make from {@code variables} (sample values
	 * fill the ones not given).
	 */
	@Transactional(readOnly = true)
	public Rendered preview(String eventType, Channel channel, Map<String, String> variables) {
		Map<String, String> all = new HashMap<>(sample(eventType));
		all.putAll(variables);
		return render(get(TenantContext.require(), eventType, channel), all);
	}

	/**
	 * What a text being edited, not saved, makes of {@code variables} (sample values fill
	 * the others): the editor previews what it shows, not what is stored. A subject is
	 * dropped for SMS, which has none. Nothing is stored.
	 * @throws InvalidInputException when a text is longer than a saved one may be
	 */
	public Rendered previewDraft(String eventType, Channel channel, @Nullable String subject, String body,
			Map<String, String> variables) {
		if (body.length() > MAX_BODY || (subject != null && subject.length() > MAX_SUBJECT)) {
			throw new InvalidInputException(FieldError.invalid("body",
					"The text is at most " + MAX_BODY + " characters, the subject at most " + MAX_SUBJECT));
		}
		Map<String, String> all = new HashMap<>(sample(eventType));
		all.putAll(variables);
		String shownSubject = (channel == Channel.EMAIL) ? subject : null;
		return render(new Template(eventType, channel, shownSubject, body, true, false), all);
	}

	static Rendered render(Template template, Map<String, String> variables) {
		return new Rendered((template.subject() != null) ? TemplateText.render(template.subject(), variables) : null,
				TemplateText.render(template.body(), variables));
	}

	private static Map<String, String> sample(String eventType) {
		Map<String, String> sample = new HashMap<>();
		sample.put("type", eventType);
		sample.put("name", "Jane Doe");
		sample.put("username", "jane");
		sample.put("plan", "Home 20");
		sample.put("expiresOn", "2026-12-31");
		sample.put("graceEndsOn", "2027-01-03");
		sample.put("suspendOn", "2027-01-04");
		sample.put("days", "3");
		sample.put("daysLeft", "3 days");
		sample.put("amount", "25.00");
		sample.put("currency", "EUR");
		sample.put("reference", "INV-1001");
		sample.put("messageId", "00000000-0000-0000-0000-000000000000");
		sample.put("tenant", TenantContext.require().slug());
		return sample;
	}

	/**
	 * A filled-in message.
	 *
	 * @param subject the subject (e-mail)
	 * @param body the text
	 */
	public record Rendered(@Nullable String subject, String body) {

	}

}
