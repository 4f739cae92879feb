package io.towerline.core.subscriber;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.towerline.core.error.FieldError;
import io.towerline.core.error.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The descriptive part of a subscriber (contact, expiry, notes), validated and
 * normalised.
 *
 * @param contact contact fields
 * @param expiresOn optional date after which service ends
 * @param notes free text for staff
 */
public record SubscriberProfile(Contact contact, @Nullable LocalDate expiresOn, @Nullable String notes) {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^[+0-9 ().-]{3,32}$");

	/**
	 * Validates raw input.
	 * @throws InvalidInputException listing every problem
	 */
	public static SubscriberProfile of(@Nullable String fullName, @Nullable String email, @Nullable String phone,
			@Nullable String address, @Nullable LocalDate expiresOn, @Nullable String notes) {
		List<FieldError> errors = new ArrayList<>();
		String name = text(fullName, "fullName", 200, errors);
		String mail = text(email, "email", 254, errors);
		if (mail != null && !EMAIL.matcher(mail).matches()) {
			errors.add(FieldError.invalid("email", "The e-mail address is not valid"));
		}
		String tel = text(phone, "phone", 32, errors);
		if (tel != null && !PHONE.matcher(tel).matches()) {
			errors.add(FieldError.invalid("phone", "The phone number may hold digits, spaces, + ( ) . and -"));
		}
		String place = text(address, "address", 300, errors);
		String note = text(notes, "notes", 2000, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new SubscriberProfile(new Contact(name, mail, tel, place), expiresOn, note);
	}

	private static @Nullable String text(@Nullable String value, String field, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if (clean.length() > max) {
			errors.add(FieldError.invalid(field, "The " + field + " must be at most " + max + " characters"));
		}
		else if (clean.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n')) {
			errors.add(FieldError.invalid(field, "The " + field + " must not contain control characters"));
		}
		return clean;
	}

}
