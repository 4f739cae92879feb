package io.towerline.api.demo;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded demo.
 *
 * @param enabled start the demo tenant and its simulated routers (embedded mode only)
 * @param tenant the demo tenant's slug
 * @param displayName its display name, which says it is a demo
 * @param routerPorts API ports of the simulated routers, one per router (0 or missing: a
 * free port, written to the router's record at each start)
 * @param subscribersPerRouter subscribers created on each simulated router
 * @param onlineShare share of them online at a time
 * @param churnPerHour logouts per online session and hour (and logins to match)
 * @param adminUsername the demo tenant's admin, created once with a password printed once
 */
@ConfigurationProperties("towerline.demo")
public record DemoProperties(Boolean enabled, String tenant, String displayName, List<Integer> routerPorts,
		int subscribersPerRouter, double onlineShare, double churnPerHour, String adminUsername) {

	public DemoProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		tenant = (tenant != null) ? tenant : "demo-isp";
		displayName = (displayName != null) ? displayName : "Demo ISP (simulated routers)";
		routerPorts = (routerPorts != null) ? routerPorts : List.of();
		subscribersPerRouter = (subscribersPerRouter > 0) ? subscribersPerRouter : 150;
		onlineShare = (onlineShare > 0 && onlineShare <= 1) ? onlineShare : 0.7;
		churnPerHour = (churnPerHour > 0) ? churnPerHour : 2.0;
		adminUsername = (adminUsername != null && !adminUsername.isBlank()) ? adminUsername : "demo-admin";
	}

	int portOf(int router) {
		return (router < this.routerPorts.size()) ? this.routerPorts.get(router) : 0;
	}

}
