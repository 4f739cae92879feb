package io.towerline.mikrotik.system;

import org.jspecify.annotations.Nullable;

/**
 * {@code /system/routerboard}. On a Cloud Hosted Router {@code routerboard} is false and
 * the rest is null.
 */
public record RouterBoard(boolean routerboard, @Nullable String model, @Nullable String serialNumber,
		@Nullable String currentFirmware, @Nullable String upgradeFirmware) {

	/**
	 * Whether the boot firmware lags behind the installed RouterOS and wants an upgrade.
	 */
	public boolean firmwareUpgradeAvailable() {
		return this.currentFirmware != null && this.upgradeFirmware != null
				&& !this.currentFirmware.equals(this.upgradeFirmware);
	}

}
