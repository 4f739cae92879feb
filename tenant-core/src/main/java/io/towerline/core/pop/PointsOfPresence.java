package io.towerline.core.pop;

import java.time.Clock;
import java.util.UUID;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's POPs. Every method works in the bound tenant's schema; another
 * tenant's POP id is simply not found.
 */
@Service
@Transactional
public class PointsOfPresence {

	/** Stable order for pages: by name, then id to break ties. */
	public static final Sort ORDER = Sort.by("name", "id");

	private final PopRepository pops;

	private final Clock clock;

	PointsOfPresence(PopRepository pops, Clock clock) {
		this.pops = pops;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Window<Pop> list(ScrollPosition position, int limit) {
		return this.pops.findBy(position, Limit.of(limit), ORDER);
	}

	@Transactional(readOnly = true)
	public Pop get(UUID id) {
		return this.pops.findById(id).orElseThrow(() -> new NotFoundException("POP", id));
	}

	public Pop create(PopDetails details) {
		if (this.pops.existsByNameIgnoreCase(details.name())) {
			throw duplicateName(details.name());
		}
		return this.pops.saveAndFlush(new Pop(UUID.randomUUID(), details, this.clock.instant()));
	}

	public Pop update(UUID id, PopDetails details) {
		Pop pop = get(id);
		if (this.pops.existsByNameIgnoreCaseAndIdNot(details.name(), id)) {
			throw duplicateName(details.name());
		}
		pop.apply(details, this.clock.instant());
		return this.pops.saveAndFlush(pop);
	}

	public void delete(UUID id) {
		this.pops.delete(get(id));
	}

	private static InvalidInputException duplicateName(String name) {
		return new InvalidInputException(
				new FieldError("name", ErrorCode.DUPLICATE, "A POP named '" + name + "' already exists"));
	}

}
