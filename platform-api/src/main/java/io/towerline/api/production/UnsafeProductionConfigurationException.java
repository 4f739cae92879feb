package io.towerline.api.production;

import java.util.List;
import java.util.stream.Collectors;

/** The production profile was asked to start with embedded fallbacks still in place. */
public class UnsafeProductionConfigurationException extends IllegalStateException {

	private final List<MissingSetting> missing;

	UnsafeProductionConfigurationException(List<MissingSetting> missing) {
		super("The production profile refuses to start: "
				+ missing.stream().map(MissingSetting::setting).collect(Collectors.joining(", ")));
		this.missing = List.copyOf(missing);
	}

	public List<MissingSetting> missing() {
		return this.missing;
	}

}
