package io.towerline.api.bench;

import java.util.List;
import java.util.Map;

import io.towerline.core.pop.PointsOfPresence;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline: the same rows as {@code pops(first: 50)} through a plain Spring MVC
 * endpoint behind the same security chain (JWT verification and tenant resolution), so
 * the difference is the GraphQL layer's overhead.
 */
@RestController
class PlainPopsEndpoint {

	private final PointsOfPresence pops;

	PlainPopsEndpoint(PointsOfPresence pops) {
		this.pops = pops;
	}

	@GetMapping("/bench/pops")
	List<Map<String, Object>> pops() {
		return this.pops.list(ScrollPosition.keyset(), 50)
			.stream()
			.map((pop) -> Map.<String, Object>of("id", pop.id(), "name", pop.name(), "address", pop.address()))
			.toList();
	}

}
