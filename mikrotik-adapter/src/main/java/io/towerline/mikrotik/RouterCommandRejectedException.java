package io.towerline.mikrotik;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The router answered {@code !trap}. The RouterOS message is kept verbatim; the messages
 * that matter to idempotent provisioning are recognised as a {@link Rejection} so callers
 * never match strings themselves.
 */
public final class RouterCommandRejectedException extends RouterException {

	/** What the router's message means, as far as it is recognised. */
	public enum Rejection {

		/**
		 * {@code failure: ... with the same name already exists},
		 * {@code already have such entry}.
		 */
		DUPLICATE,
		/** {@code no such item}: the {@code .id} or name does not exist (any more). */
		NO_SUCH_ITEM,
		/** {@code input does not match any value of profile}. */
		UNKNOWN_PROFILE,
		/**
		 * Another argument was refused ({@code input does not match any value of ...},
		 * {@code invalid value}).
		 */
		INVALID_VALUE,
		/**
		 * The menu or command does not exist on this router (version or package missing).
		 */
		NO_SUCH_COMMAND,
		/** The command was cancelled ({@code interrupted}, category 2). */
		INTERRUPTED,
		/** Anything else; read {@link #routerMessage()}. */
		OTHER

	}

	private final String path;

	private final @Nullable Integer category;

	private final String routerMessage;

	private final Rejection rejection;

	public RouterCommandRejectedException(String router, String path, @Nullable Integer category,
			String routerMessage) {
		super(router, path + " rejected: " + routerMessage, null);
		this.path = path;
		this.category = category;
		this.routerMessage = routerMessage;
		this.rejection = recognise(category, routerMessage);
	}

	static Rejection recognise(@Nullable Integer category, String message) {
		String text = message.toLowerCase(Locale.ROOT);
		if (text.contains("already exists") || text.contains("already have")) {
			return Rejection.DUPLICATE;
		}
		if (text.startsWith("no such item")) {
			return Rejection.NO_SUCH_ITEM;
		}
		if (text.contains("does not match any value of profile")) {
			return Rejection.UNKNOWN_PROFILE;
		}
		if (text.startsWith("no such command")) {
			return Rejection.NO_SUCH_COMMAND;
		}
		if (text.equals("interrupted") || (category != null && category == 2)) {
			return Rejection.INTERRUPTED;
		}
		if (text.contains("does not match any value") || text.startsWith("invalid value")
				|| text.startsWith("unknown parameter") || (category != null && category == 1)) {
			return Rejection.INVALID_VALUE;
		}
		return Rejection.OTHER;
	}

	/** The command word, e.g. {@code /ppp/secret/add}. */
	public String path() {
		return this.path;
	}

	/**
	 * The RouterOS trap category (0 missing item or command ... 7 {@code :return}), when
	 * the router sent one.
	 */
	public @Nullable Integer category() {
		return this.category;
	}

	/** The router's message, verbatim. */
	public String routerMessage() {
		return this.routerMessage;
	}

	public Rejection rejection() {
		return this.rejection;
	}

	@Override
	public RouterErrorCode code() {
		return RouterErrorCode.ROUTER_COMMAND_REJECTED;
	}

}
