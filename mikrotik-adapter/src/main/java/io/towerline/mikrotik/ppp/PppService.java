package io.towerline.mikrotik.ppp;

import java.util.Locale;

/** The {@code service} a PPP secret may be used with. */
public enum PppService {

	ANY, ASYNC, ISDN, L2TP, PPPOE, PPTP, OVPN, SSTP;

	/** The RouterOS spelling, e.g. {@code pppoe}. */
	public String routerName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Reads the RouterOS spelling; unknown services read as {@link #ANY}. */
	public static PppService fromRouter(String value) {
		for (PppService service : values()) {
			if (service.routerName().equals(value)) {
				return service;
			}
		}
		return ANY;
	}

}
