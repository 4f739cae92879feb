package io.towerline.core.pop;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.ErrorCode;
import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.error.NotFoundException;

import org.springframework.beans.factory.ObjectProvider;
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

	/** Resolved lazily: the referencing features depend on this service themselves. */
	private final ObjectProvider<PopReferences> references;

	PointsOfPresence(PopRepository pops, Clock clock, ObjectProvider<PopReferences> references) {
		this.pops = pops;
		this.clock = clock;
		this.references = references;
	}

	@Transactional(readOnly = true)
	public Window<Pop> list(ScrollPosition position, int limit) {
		return this.pops.findBy(position, Limit.of(limit), ORDER);
	}

	// a lookup that finds nothing must not mark the caller's transaction rollback-only
	@Transactional(readOnly = true, noRollbackFor = NotFoundException.class)
	public Pop get(UUID id) {
		return this.pops.findById(id).orElseThrow(() -> new NotFoundException("POP", id));
	}

	/** The POPs among {@code ids} that exist in the current tenant. */
	@Transactional(readOnly = true)
	public List<Pop> getAll(List<UUID> ids) {
		return ids.isEmpty() ? List.of() : this.pops.findAllById(ids);
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

	/**
	 * Deletes a POP that nothing points at any more.
	 * @throws InvalidInputException with code INVALID_STATE while routers stand at the
	 * POP
	 */
	public void delete(UUID id) {
		Pop pop = get(id);
		for (PopReferences reference : this.references.orderedStream().toList()) {
			String usage = reference.usageOf(id);
			if (usage != null) {
				throw new InvalidInputException(new FieldError("id", ErrorCode.INVALID_STATE,
						"The POP '" + pop.name() + "' still has " + usage + "; move or delete them first"));
			}
		}
		this.pops.delete(pop);
	}

	private static InvalidInputException duplicateName(String name) {
		return new InvalidInputException(
				new FieldError("name", ErrorCode.DUPLICATE, "A POP named '" + name + "' already exists"));
	}

}
