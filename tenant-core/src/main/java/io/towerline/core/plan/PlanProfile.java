package io.towerline.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.towerline.mikrotik.ppp.PppProfile;
import io.towerline.mikrotik.ppp.PppProfileSpec;
import org.jspecify.annotations.Nullable;

/**
 * A plan's PPP profile on a router: what the platform writes, and how a router's profile
 * differs from it. The one place that knows which profile properties the platform owns;
 * provisioning, drift and import all go through it.
 */
public final class PlanProfile {

	/** RouterOS properties a plan owns besides name and rate-limit. */
	static final List<String> OWNED = List.of("local-address", "remote-address", "only-one", "dns-server",
			"address-list", "parent-queue", "session-timeout", "idle-timeout");

	private PlanProfile() {
	}

	/** The profile as the plan wants it on every router serving it. */
	public static PppProfileSpec spec(Plan plan) {
		ProfileSettings settings = plan.profileSettings();
		return PppProfileSpec.named(plan.profileName())
			.withRateLimit(plan.routerRateLimit())
			.withAddresses(settings.localAddress(), settings.remoteAddress())
			.withOnlyOne(yesNo(settings.onlyOne()))
			.withDnsServer(settings.dnsServerText())
			.withQueueing(settings.addressList(), settings.parentQueue())
			.withTimeouts(settings.sessionTimeout(), settings.idleTimeout())
			.withComment("towerline:plan:" + plan.id());
	}

	/**
	 * Where the router's profile differs from the plan, field by field (plan's names:
	 * {@code rateLimit}, {@code localAddress}, ...); empty when identical.
	 */
	public static List<Difference> differences(Plan plan, PppProfile router) {
		ProfileSettings wanted = plan.profileSettings();
		List<Difference> differences = new ArrayList<>();
		if (!sameRate(router.rateLimit(), plan.rateLimit())) {
			differences.add(new Difference("rateLimit", plan.routerRateLimit(), router.rateLimit()));
		}
		compare(differences, "localAddress", wanted.localAddress(), router.localAddress());
		compare(differences, "remoteAddress", wanted.remoteAddress(), router.remoteAddress());
		compare(differences, "onlyOne", yesNo(wanted.onlyOne()), onlyOne(router.onlyOne()));
		compare(differences, "dnsServers", wanted.dnsServerText(), dns(router.dnsServer()));
		compare(differences, "addressList", wanted.addressList(), router.addressList());
		compare(differences, "parentQueue", wanted.parentQueue(), router.parentQueue());
		compare(differences, "sessionTimeout", seconds(wanted.sessionTimeout()), seconds(router.sessionTimeout()));
		compare(differences, "idleTimeout", seconds(wanted.idleTimeout()), seconds(router.idleTimeout()));
		return differences;
	}

	/**
	 * The router properties the plan leaves at their defaults but the router has set:
	 * what an update must {@code unset}.
	 */
	public static List<String> toClear(Plan plan, PppProfile router) {
		ProfileSettings wanted = plan.profileSettings();
		List<String> clear = new ArrayList<>();
		clearIf(clear, "local-address", wanted.localAddress() == null && blank(router.localAddress()) != null);
		clearIf(clear, "remote-address", wanted.remoteAddress() == null && blank(router.remoteAddress()) != null);
		clearIf(clear, "only-one", wanted.onlyOne() == null && onlyOne(router.onlyOne()) != null);
		clearIf(clear, "dns-server", wanted.dnsServers().isEmpty() && dns(router.dnsServer()) != null);
		clearIf(clear, "address-list", wanted.addressList() == null && blank(router.addressList()) != null);
		clearIf(clear, "parent-queue", wanted.parentQueue() == null && blank(router.parentQueue()) != null);
		clearIf(clear, "session-timeout", wanted.sessionTimeout() == null && router.sessionTimeout() != null);
		clearIf(clear, "idle-timeout", wanted.idleTimeout() == null && router.idleTimeout() != null);
		return clear;
	}

	/**
	 * The settings of a router's profile, for an import: its pool stays the router's own.
	 * @throws io.towerline.core.error.InvalidInputException when a value is not one the
	 * platform can keep
	 */
	public static ProfileSettings settingsOf(PppProfile profile) {
		String dns = dns(profile.dnsServer());
		return ProfileSettings.of(profile.localAddress(), profile.remoteAddress(), null,
				(dns != null) ? Arrays.asList(dns.split(",")) : List.of(), booleanOf(onlyOne(profile.onlyOne())),
				blank(profile.addressList()), profile.parentQueue(), profile.sessionTimeout(), profile.idleTimeout());
	}

	private static void compare(List<Difference> differences, String field, @Nullable String platform,
			@Nullable String router) {
		String routerValue = blank(router);
		if (!Objects.equals(platform, routerValue)) {
			differences.add(new Difference(field, platform, routerValue));
		}
	}

	private static void clearIf(List<String> clear, String property, boolean condition) {
		if (condition) {
			clear.add(property);
		}
	}

	private static boolean sameRate(@Nullable String routerValue, RateLimit wanted) {
		if (routerValue == null || routerValue.isBlank()) {
			return false;
		}
		try {
			return RateLimit.parse(routerValue).equals(wanted);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static @Nullable String yesNo(@Nullable Boolean value) {
		return (value == null) ? null : (value ? "yes" : "no");
	}

	private static @Nullable Boolean booleanOf(@Nullable String yesNo) {
		return (yesNo == null) ? null : "yes".equals(yesNo);
	}

	/** RouterOS's {@code default} is the plan's "not set". */
	private static @Nullable String onlyOne(@Nullable String value) {
		if (value == null || value.isEmpty() || value.equals("default")) {
			return null;
		}
		return (value.equals("yes") || value.equals("true")) ? "yes" : "no";
	}

	private static @Nullable String dns(@Nullable String value) {
		String clean = blank(value);
		return (clean != null) ? clean.replace(" ", "") : null;
	}

	private static @Nullable String seconds(@Nullable Duration value) {
		return (value == null || value.isZero()) ? null : value.getSeconds() + "s";
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isEmpty() || value.equals("none")) ? null : value;
	}

	/**
	 * One field that differs.
	 *
	 * @param field the plan's field name
	 * @param platform the plan's value, null when it leaves the router's default
	 * @param router the router's value, null when unset
	 */
	public record Difference(String field, @Nullable String platform, @Nullable String router) {

	}

}
