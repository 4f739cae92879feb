package io.towerline.api.subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.subscriber.BulkOutcome.RejectedRow;
import io.towerline.core.subscriber.SubscriberDraft;
import org.jspecify.annotations.Nullable;

/**
 * Reads subscriber CSV: a header naming the columns (any order; {@code username},
 * {@code password}, {@code plan} and {@code router} required), RFC 4180 quoting (fields
 * in double quotes, {@code ""} for a quote), plan and router by name. Text that is not
 * CSV is refused whole ({@link CsvReader}); rows that cannot be read become rejected rows
 * numbered by the physical line they start on; the others become drafts.
 */
final class SubscriberCsv {

	static final List<String> COLUMNS = List.of("username", "password", "plan", "router", "fullname", "email", "phone",
			"address", "expireson", "notes");

	private SubscriberCsv() {
	}

	/**
	 * Parsed rows: {@code drafts} in order with their line numbers, and the rows refused
	 * while reading.
	 *
	 * @param drafts the readable rows
	 * @param lines the line number of each draft
	 * @param rejected rows that could not be read
	 */
	record Parsed(List<SubscriberDraft> drafts, List<Integer> lines, List<RejectedRow> rejected) {

	}

	static Parsed parse(String csv, Map<String, UUID> plansByName, Map<String, UUID> routersByName) {
		List<CsvReader.Row> records = CsvReader.read(csv);
		if (records.isEmpty()) {
			throw new InvalidInputException(FieldError.invalid("csv", "The CSV is empty"));
		}
		List<String> header = records.get(0)
			.fields()
			.stream()
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.toList();
		for (String required : List.of("username", "password", "plan", "router")) {
			if (!header.contains(required)) {
				throw new InvalidInputException(FieldError.invalid("csv",
						"The header lacks the column '" + required + "'; expected " + String.join(",", COLUMNS)));
			}
		}
		List<SubscriberDraft> drafts = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		List<RejectedRow> rejected = new ArrayList<>();
		for (int index = 1; index < records.size(); index++) {
			List<String> fields = records.get(index).fields();
			int line = records.get(index).line();
			if (fields.size() == 1 && fields.get(0).isBlank()) {
				continue;
			}
			String username = field(header, fields, "username");
			if (fields.size() != header.size()) {
				rejected.add(new RejectedRow(line, String.valueOf(username), List.of(FieldError.invalid("csv",
						"Line " + line + " has " + fields.size() + " fields, the header has " + header.size()))));
				continue;
			}
			try {
				UUID plan = lookup(plansByName, field(header, fields, "plan"), "plan");
				UUID router = lookup(routersByName, field(header, fields, "router"), "router");
				drafts.add(new SubscriberDraft(username, field(header, fields, "password"), plan, router, null,
						SubscriberInputs.profile(field(header, fields, "fullname"), field(header, fields, "email"),
								field(header, fields, "phone"), field(header, fields, "address"),
								field(header, fields, "expireson"), field(header, fields, "notes"))));
				lines.add(line);
			}
			catch (InvalidInputException ex) {
				rejected.add(new RejectedRow(line, String.valueOf(username), ex.errors()));
			}
		}
		return new Parsed(drafts, lines, rejected);
	}

	private static UUID lookup(Map<String, UUID> byName, @Nullable String name, String field) {
		UUID id = (name != null) ? byName.get(name.strip().toLowerCase(Locale.ROOT)) : null;
		if (id == null) {
			throw new InvalidInputException(FieldError.invalid(field, "No " + field + " named '" + name + "'"));
		}
		return id;
	}

	private static @Nullable String field(List<String> header, List<String> fields, String column) {
		int at = header.indexOf(column);
		if (at < 0 || at >= fields.size()) {
			return null;
		}
		String value = fields.get(at);
		return value.isBlank() ? null : value;
	}

}
