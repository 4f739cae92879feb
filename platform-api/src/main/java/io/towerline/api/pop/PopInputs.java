package io.towerline.api.pop;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import io.towerline.core.pop.Pop;
import io.towerline.core.pop.PopDetails;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and payload shapes of POP operations. */
final class PopInputs {

	private PopInputs() {
	}

	record CreatePopInput(String name, String address, @Nullable Double latitude, @Nullable Double longitude,
			@Nullable String notes) {

		PopDetails details() {
			return PopDetails.of(this.name, this.address, decimal("latitude", this.latitude),
					decimal("longitude", this.longitude), this.notes);
		}

	}

	record UpdatePopInput(UUID id, String name, String address, @Nullable Double latitude, @Nullable Double longitude,
			@Nullable String notes) {

		PopDetails details() {
			return PopDetails.of(this.name, this.address, decimal("latitude", this.latitude),
					decimal("longitude", this.longitude), this.notes);
		}

	}

	record DeletePopInput(UUID id) {

	}

	record PopPayload(@Nullable Pop pop, List<FieldError> errors) {

		static PopPayload of(Pop pop) {
			return new PopPayload(pop, List.of());
		}

		static PopPayload failed(List<FieldError> errors) {
			return new PopPayload(null, errors);
		}

	}

	record DeletePopPayload(@Nullable UUID deletedId, List<FieldError> errors) {

	}

	/**
	 * GraphQL reads a literal past the largest double (1E400) as infinity, which no
	 * decimal holds: refused here like any other coordinate out of range.
	 */
	private static @Nullable BigDecimal decimal(String field, @Nullable Double value) {
		if (value != null && !Double.isFinite(value)) {
			throw new InvalidInputException(FieldError.invalid(field, "Give a number of degrees, not " + value));
		}
		return (value != null) ? BigDecimal.valueOf(value) : null;
	}

}
