package io.towerline.mikrotik;

import org.jspecify.annotations.Nullable;

/**
 * A file could not be taken off the router the only way its version allows (RouterOS 6:
 * FTP for files over 60 KB and binary backups), and trying again will not help until the
 * router's configuration changes; the message says what to change.
 */
public final class RouterFileTransferException extends RouterException {

	public RouterFileTransferException(String router, String message, @Nullable Throwable cause) {
		super(router, message, cause);
	}

	@Override
	public RouterErrorCode code() {
		return RouterErrorCode.ROUTER_FILE_TRANSFER_UNAVAILABLE;
	}

}
