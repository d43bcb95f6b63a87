package dev.socketioredis.sample;

import java.time.Instant;

/**
 * The payload of a {@code chat:message} event, as every client of the room receives it.
 *
 * @param room the room it was sent to
 * @param nick who wrote it ({@code announcer} for the REST announcements)
 * @param text what was written
 * @param node the {@code SERVER_ID} of the node that accepted it
 * @param at when that node accepted it, ISO-8601
 */
record ChatMessage(String room, String nick, String text, String node, String at) {

	static ChatMessage now(String room, String nick, String text, String node) {
		return new ChatMessage(room, nick, text, node, Instant.now().toString());
	}

}
