package io.towerline.core.traffic;

import java.util.UUID;

import io.towerline.core.tenancy.TenantId;

/** One watched interface: the unit that gets one router stream per replica. */
record MonitorKey(TenantId tenant, UUID routerId, String interfaceName) {

	boolean isPppoe() {
		return this.interfaceName.startsWith("<pppoe-") && this.interfaceName.endsWith(">");
	}

}
