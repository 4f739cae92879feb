package io.towerline.mikrotik.ppp;

import io.towerline.mikrotik.command.Command;
import org.jspecify.annotations.Nullable;

/**
 * The desired state of a PPP secret, for {@code add} and for {@link PppSecrets#upsert}.
 * Null properties are left to the router's defaults. {@link #toString()} hides the
 * password.
 */
public record PppSecretSpec(String name, String password, String profile, PppService service, @Nullable String callerId,
		@Nullable String remoteAddress, @Nullable String comment, boolean disabled) {

	/** A PPPoE login on a plan, the common case. */
	public static PppSecretSpec pppoe(String name, String password, String profile) {
		return new PppSecretSpec(name, password, profile, PppService.PPPOE, null, null, null, false);
	}

	public PppSecretSpec withComment(@Nullable String comment) {
		return new PppSecretSpec(this.name, this.password, this.profile, this.service, this.callerId,
				this.remoteAddress, comment, this.disabled);
	}

	public PppSecretSpec withCallerId(@Nullable String callerId) {
		return new PppSecretSpec(this.name, this.password, this.profile, this.service, callerId, this.remoteAddress,
				this.comment, this.disabled);
	}

	public PppSecretSpec withRemoteAddress(@Nullable String remoteAddress) {
		return new PppSecretSpec(this.name, this.password, this.profile, this.service, this.callerId, remoteAddress,
				this.comment, this.disabled);
	}

	public PppSecretSpec withDisabled(boolean disabled) {
		return new PppSecretSpec(this.name, this.password, this.profile, this.service, this.callerId,
				this.remoteAddress, this.comment, disabled);
	}

	/**
	 * Writes every property of the spec, the name included, into an {@code add} or
	 * {@code set}.
	 */
	void writeTo(Command.Builder command) {
		command.with("name", this.name)
			.withSecret("password", this.password)
			.with("profile", this.profile)
			.with("service", this.service.routerName())
			.withBoolean("disabled", this.disabled);
		if (this.callerId != null) {
			command.with("caller-id", this.callerId);
		}
		if (this.remoteAddress != null) {
			command.with("remote-address", this.remoteAddress);
		}
		if (this.comment != null) {
			command.withText("comment", this.comment);
		}
	}

	@Override
	public String toString() {
		return "PppSecretSpec[name=" + this.name + ", password=***, profile=" + this.profile + ", service="
				+ this.service + ", disabled=" + this.disabled + "]";
	}

}
