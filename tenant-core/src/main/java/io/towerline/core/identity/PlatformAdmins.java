package io.towerline.core.identity;

import java.util.List;

import io.towerline.core.tenancy.OnMainCluster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told of platform-wide trouble: the enabled users of the platform realm with
 * PLATFORM_ADMIN.
 */
// platform tables only: served from main whichever tenant is bound (issue 14, ADR 0183)
@OnMainCluster
@Service
@Transactional(readOnly = true)
public class PlatformAdmins {

	private final JdbcClient jdbc;

	PlatformAdmins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Their e-mail addresses, each once, in user name order. */
	public List<String> emails() {
		return this.jdbc
			.sql("SELECT email, roles FROM public.app_user WHERE tenant IS NULL AND enabled ORDER BY username")
			.query((rs, n) -> RoleNames.split(rs.getString("roles")).contains(RoleNames.PLATFORM_ADMIN)
					? rs.getString("email") : "")
			.list()
			.stream()
			.filter((email) -> !email.isBlank())
			.distinct()
			.toList();
	}

}
