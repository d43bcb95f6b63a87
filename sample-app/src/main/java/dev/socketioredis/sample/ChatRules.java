package dev.socketioredis.sample;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the chat accepts as a room name, a nickname and a message, shared by the Socket.IO handlers and the REST
 * endpoint.
 */
final class ChatRules {

	/** Letters, digits, {@code _ . -}; not a socket id (a UUID), whose room is that socket's own. */
	private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static final int MAX_NICK = 32;

	static final int MAX_TEXT = 500;

	private ChatRules() {
	}

	/** The room name, or {@code null} when it is not acceptable. */
	static @Nullable String room(@Nullable Object value) {
		if (value instanceof String room && ROOM.matcher(room).matches() && !UUID.matcher(room).matches()) {
			return room;
		}
		return null;
	}

	/** The trimmed nickname, or {@code null} when empty or too long. */
	static @Nullable String nick(@Nullable Object value) {
		return trimmed(value, MAX_NICK);
	}

	/** The trimmed message text, or {@code null} when empty or too long. */
	static @Nullable String text(@Nullable Object value) {
		return trimmed(value, MAX_TEXT);
	}

	private static @Nullable String trimmed(@Nullable Object value, int max) {
		if (value instanceof String string) {
			String trimmed = string.strip();
			if (!trimmed.isEmpty() && trimmed.length() <= max) {
				return trimmed;
			}
		}
		return null;
	}

}
