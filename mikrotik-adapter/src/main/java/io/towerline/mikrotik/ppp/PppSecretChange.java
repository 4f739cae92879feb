package io.towerline.mikrotik.ppp;

import io.towerline.mikrotik.command.Command;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of a PPP secret: only non-null properties are sent. Start from
 * {@link #none()}. {@link #toString()} hides the password.
 */
public record PppSecretChange(@Nullable String password, @Nullable String profile, @Nullable String callerId,
		@Nullable String comment, @Nullable Boolean disabled) {

	public static PppSecretChange none() {
		return new PppSecretChange(null, null, null, null, null);
	}

	public PppSecretChange withPassword(String password) {
		return new PppSecretChange(password, this.profile, this.callerId, this.comment, this.disabled);
	}

	public PppSecretChange withProfile(String profile) {
		return new PppSecretChange(this.password, profile, this.callerId, this.comment, this.disabled);
	}

	/** Binds the login to a MAC; an empty string removes the binding. */
	public PppSecretChange withCallerId(String callerId) {
		return new PppSecretChange(this.password, this.profile, callerId, this.comment, this.disabled);
	}

	public PppSecretChange withComment(String comment) {
		return new PppSecretChange(this.password, this.profile, this.callerId, comment, this.disabled);
	}

	public PppSecretChange withDisabled(boolean disabled) {
		return new PppSecretChange(this.password, this.profile, this.callerId, this.comment, disabled);
	}

	void writeTo(Command.Builder command) {
		if (this.password != null) {
			command.withSecret("password", this.password);
		}
		if (this.profile != null) {
			command.with("profile", this.profile);
		}
		if (this.callerId != null) {
			command.with("caller-id", this.callerId);
		}
		if (this.comment != null) {
			command.withText("comment", this.comment);
		}
		if (this.disabled != null) {
			command.withBoolean("disabled", this.disabled);
		}
	}

	@Override
	public String toString() {
		return "PppSecretChange[password=" + ((this.password != null) ? "***" : "unchanged") + ", profile="
				+ this.profile + ", callerId=" + this.callerId + ", disabled=" + this.disabled + "]";
	}

}
