package io.towerline.api.production;

/**
 * A setting production needs and does not have.
 *
 * @param setting the property (and the environment variable an operator sets)
 * @param why what goes wrong without it, and what to give
 */
public record MissingSetting(String setting, String why) {

	@Override
	public String toString() {
		return this.setting + ": " + this.why;
	}

}
