package io.towerline.api.notification;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.towerline.api.notification.NotificationController.TemplateVariableInput;
import io.towerline.core.notification.Channel;
import io.towerline.core.notification.NotificationTemplates;
import io.towerline.core.notification.NotificationTemplates.Rendered;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Maps the preview of a template text being edited. */
@Controller
class NotificationDraftPreviewController {

	private final NotificationTemplates templates;

	NotificationDraftPreviewController(NotificationTemplates templates) {
		this.templates = templates;
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'VIEWER')")
	Rendered previewNotificationDraft(@Argument String eventType, @Argument @Nullable Channel channel,
			@Argument @Nullable String subject, @Argument String body,
			@Argument @Nullable List<TemplateVariableInput> variables) {
		Map<String, String> values = (variables != null)
				? variables.stream()
					.collect(Collectors.toMap(TemplateVariableInput::name, TemplateVariableInput::value, (a, b) -> b))
				: Map.of();
		return this.templates.previewDraft(eventType, (channel != null) ? channel : Channel.EMAIL, subject, body,
				values);
	}

}
