package io.towerline.core.pop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may set on a POP, already normalised (trimmed, blank notes as none).
 *
 * @param name unique within the tenant, 1 to 100 characters
 * @param address postal or descriptive address, 1 to 300 characters
 * @param coordinates optional position
 * @param notes optional free text, up to 2,000 characters
 */
public record PopDetails(String name, String address, @Nullable Coordinates coordinates, @Nullable String notes) {

	static final int MAX_NAME = 100;

	static final int MAX_ADDRESS = 300;

	static final int MAX_NOTES = 2000;

	/**
	 * Validates raw input and normalises it.
	 * @throws InvalidInputException listing every problem found, field by field
	 */
	public static PopDetails of(@Nullable String name, @Nullable String address, @Nullable BigDecimal latitude,
			@Nullable BigDecimal longitude, @Nullable String notes) {
		List<FieldError> errors = new ArrayList<>();
		String cleanName = text(name, "name", MAX_NAME, true, errors);
		String cleanAddress = text(address, "address", MAX_ADDRESS, true, errors);
		String cleanNotes = text(notes, "notes", MAX_NOTES, false, errors);
		Coordinates coordinates = coordinates(latitude, longitude, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new PopDetails(cleanName, cleanAddress, coordinates, cleanNotes.isEmpty() ? null : cleanNotes);
	}

	private static String text(@Nullable String value, String field, int max, boolean required,
			List<FieldError> errors) {
		String clean = (value != null) ? value.strip() : "";
		if (required && clean.isEmpty()) {
			errors.add(FieldError.invalid(field, "The " + field + " is required"));
		}
		else if (clean.length() > max) {
			errors.add(FieldError.invalid(field, "The " + field + " must be at most " + max + " characters"));
		}
		else if (clean.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			errors.add(FieldError.invalid(field, "The " + field + " must not contain control characters"));
		}
		return clean;
	}

	private static @Nullable Coordinates coordinates(@Nullable BigDecimal latitude, @Nullable BigDecimal longitude,
			List<FieldError> errors) {
		if (latitude == null && longitude == null) {
			return null;
		}
		if (latitude == null || longitude == null) {
			errors.add(FieldError.invalid((latitude == null) ? "latitude" : "longitude",
					"Latitude and longitude go together: give both or neither"));
			return null;
		}
		boolean valid = true;
		if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
			errors.add(FieldError.invalid("latitude", "Latitude must be between -90 and 90"));
			valid = false;
		}
		if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
			errors.add(FieldError.invalid("longitude", "Longitude must be between -180 and 180"));
			valid = false;
		}
		return valid ? new Coordinates(latitude, longitude) : null;
	}

}
