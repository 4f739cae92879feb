package io.towerline.core.drift;

import java.time.Clock;
import java.util.UUID;

import io.towerline.core.actor.Actor;
import io.towerline.core.error.NotFoundException;
import io.towerline.core.operation.OperationRequest;
import io.towerline.core.operation.RouterOperation;
import io.towerline.core.operation.RouterOperations;
import io.towerline.core.router.Routers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts router imports and shows what they took. An import is an IMPORT_ROUTER operation
 * (ADR 0032): the request returns its handle at once, the operation reads the router and
 * records plans and subscribers in chunks, with progress.
 */
@Service
@Transactional
public class RouterImports {

	private final Routers routers;

	private final RouterOperations operations;

	private final RouterImportRepository imports;

	private final Clock clock;

	RouterImports(Routers routers, RouterOperations operations, RouterImportRepository imports, Clock clock) {
		this.routers = routers;
		this.operations = operations;
		this.imports = imports;
		this.clock = clock;
	}

	/**
	 * Enqueues the import of a router's profiles and secrets on behalf of {@code actor}.
	 * @return the operation; its id is also the import's
	 * @throws NotFoundException when the router does not exist
	 */
	public RouterOperation start(UUID routerId, Actor actor) {
		this.routers.get(routerId);
		RouterOperation operation = this.operations.enqueue(OperationRequest.importRouter(routerId, actor));
		this.imports.save(new RouterImport(operation.id(), routerId, this.clock.instant()));
		return operation;
	}

	/**
	 * What the import of this operation took so far.
	 * @throws NotFoundException when there is no such import in the current tenant
	 */
	@Transactional(readOnly = true)
	public ImportResult get(UUID operationId) {
		return this.imports.findById(operationId)
			.map(RouterImport::result)
			.orElseThrow(() -> new NotFoundException("Router import", operationId));
	}

}
