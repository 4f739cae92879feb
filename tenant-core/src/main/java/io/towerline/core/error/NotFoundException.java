package io.towerline.core.error;

/**
 * The object does not exist for the current tenant. Another tenant's object is reported
 * exactly like this.
 */
public class NotFoundException extends DomainException {

	public NotFoundException(String kind, Object id) {
		super(ErrorCode.NOT_FOUND, kind + " " + id + " was not found");
	}

}
