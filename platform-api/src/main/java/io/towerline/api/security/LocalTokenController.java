package io.towerline.api.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.towerline.core.tenancy.TenantId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /local/token}: hands a local user a token in embedded mode, answering only
 * the person who started the platform, calling directly from this machine
 * ({@link LocalCallerCheck}). Exists only while the local issuer is enabled, which
 * production mode forbids.
 */
@RestController
@ConditionalOnProperty(name = "towerline.security.local-issuer.enabled", havingValue = "true")
class LocalTokenController {

	private final LocalTokenIssuer issuer;

	private final LocalCallerCheck callers;

	LocalTokenController(LocalTokenIssuer issuer, LocalCallerCheck callers) {
		this.issuer = issuer;
		this.callers = callers;
	}

	@PostMapping("/local/token")
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request,
			@RequestParam(defaultValue = "local-user") String subject, @RequestParam String tenant,
			@RequestParam(defaultValue = "TENANT_ADMIN") List<String> roles) {
		LocalCallerCheck.Refusal refusal = this.callers.refusal(request).orElse(null);
		if (refusal != null) {
			return ResponseEntity.status(refusal.status())
				.body(Map.of("error", refusal.message(), "code", refusal.code()));
		}
		if (!tenant.equals(this.issuer.platformTenant()) && !TenantId.isValid(tenant)) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "tenant must be a tenant slug or '" + this.issuer.platformTenant() + "'"));
		}
		List<Role> parsed = new ArrayList<>();
		for (String value : roles.stream().flatMap((r) -> List.of(r.split(",")).stream()).toList()) {
			Role role = Role.parse(value.strip()).orElse(null);
			if (role == null) {
				return ResponseEntity.badRequest().body(Map.of("error", "unknown role " + value.strip()));
			}
			parsed.add(role);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", this.issuer.issue(subject, tenant, parsed));
		body.put("token_type", "Bearer");
		body.put("expires_in", this.issuer.ttlSeconds());
		return ResponseEntity.ok(body);
	}

}
