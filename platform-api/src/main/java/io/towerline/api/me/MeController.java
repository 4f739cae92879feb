package io.towerline.api.me;

import java.util.List;

import io.towerline.api.security.Role;
import io.towerline.api.security.TowerlineAuthentication;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Answers {@code me} for any authenticated caller. */
@Controller
class MeController {

	@QueryMapping
	Me me() {
		TowerlineAuthentication caller = (TowerlineAuthentication) SecurityContextHolder.getContext()
			.getAuthentication();
		return new Me(caller.getName(), caller.tenant(), caller.roles().stream().sorted().toList());
	}

	record Me(String subject, String tenant, List<Role> roles) {

	}

}
