package io.towerline.api.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.towerline.api.graphql.ApiInputException;
import io.towerline.api.graphql.Pages;
import io.towerline.core.audit.CommandLogEntry;
import io.towerline.core.audit.CommandOutcome;
import io.towerline.core.audit.CommandLogFilter;
import io.towerline.core.audit.RouterCommandLog;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The command audit log, newest first, for tenant admins and operators (and viewers: it
 * holds no secrets).
 */
@Controller
class CommandLogController {

	private final RouterCommandLog commandLog;

	CommandLogController(RouterCommandLog commandLog) {
		this.commandLog = commandLog;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Connection commandLog(@Argument @Nullable FilterInput filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after) {
		if (first == null || first < 1 || first > Pages.MAX_PAGE_SIZE) {
			throw new ApiInputException((first == null) ? "PAGE_SIZE_REQUIRED" : "PAGE_SIZE_INVALID",
					"Give 'first' between 1 and " + Pages.MAX_PAGE_SIZE);
		}
		CommandLogEntry before = (after != null) ? decode(after) : null;
		CommandLogFilter criteria = (filter != null) ? filter.criteria() : CommandLogFilter.ALL;
		List<CommandLogEntry> page = this.commandLog.list(criteria, before, first + 1);
		boolean more = page.size() > first;
		List<Edge> edges = new ArrayList<>();
		for (CommandLogEntry entry : page.subList(0, Math.min(first, page.size()))) {
			edges.add(new Edge(encode(entry), entry));
		}
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection(edges, new PageInfo(more, after != null, start, end));
	}

	private static String encode(CommandLogEntry entry) {
		String raw = entry.at().toString() + "|" + entry.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private CommandLogEntry decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
			CommandLogEntry marker = this.commandLog.find(UUID.fromString(parts[1]));
			if (marker == null || !marker.at().equals(Instant.parse(parts[0]))) {
				throw new ApiInputException("INVALID_CURSOR", "The cursor does not point at an entry");
			}
			return marker;
		}
		catch (RuntimeException ex) {
			if (ex instanceof ApiInputException api) {
				throw api;
			}
			throw new ApiInputException("INVALID_CURSOR", "The cursor is not valid");
		}
	}

	record FilterInput(@Nullable UUID routerId, @Nullable String subscriber, @Nullable String action,
			@Nullable CommandOutcome outcome, @Nullable Instant from, @Nullable Instant to) {

		CommandLogFilter criteria() {
			return new CommandLogFilter(this.routerId, this.subscriber, this.action,
					(this.outcome != null) ? this.outcome.name() : null, this.from, this.to);
		}

	}

	record Connection(List<Edge> edges, PageInfo pageInfo) {

	}

	record Edge(String cursor, CommandLogEntry node) {

	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
			@Nullable String endCursor) {

	}

}
