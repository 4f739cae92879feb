package io.towerline.api.graphql;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

import io.towerline.api.limits.LimitCode;
import io.towerline.core.error.ErrorCode;

/**
 * Every code a client can see, in one place: payload errors carry an {@link ErrorCode}
 * (the schema's {@code UserErrorCode} enum mirrors it), and {@code extensions.code}
 * carries an {@link ErrorCode}, a {@link LimitCode} or a {@link RequestErrorCode}. The
 * three enums keep their homes (domain, limits, request handling); this is the set tests
 * hold the schema and the emitted codes to.
 */
public final class ClientErrorCodes {

	private static final Set<String> PAYLOAD = names(ErrorCode.values());

	private static final Set<String> ALL = Collections
		.unmodifiableSet(Stream.of(ErrorCode.values(), LimitCode.values(), RequestErrorCode.values())
			.flatMap(Arrays::stream)
			.map(Enum::name)
			.collect(LinkedHashSet::new, Set::add, Set::addAll));

	private ClientErrorCodes() {
	}

	/** The codes a payload's {@code errors[].code} may carry. */
	public static Set<String> payload() {
		return PAYLOAD;
	}

	/** Every code a client can see, in payloads or {@code extensions.code}. */
	public static Set<String> all() {
		return ALL;
	}

	/** Whether {@code code} is one of {@link #all()}. */
	public static boolean isKnown(String code) {
		return ALL.contains(code);
	}

	private static Set<String> names(Enum<?>[] values) {
		Set<String> names = new LinkedHashSet<>();
		for (Enum<?> value : values) {
			names.add(value.name());
		}
		return Collections.unmodifiableSet(names);
	}

}
