package dev.socketioredis.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.socketioredis.emitter.Emitter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rooms/{room}/announcements} with {@code {"text": "..."}}: a {@code chat:message} from
 * {@code announcer} to every client of the room on every node, published through the {@link Emitter} (as any
 * service without a Socket.IO connection would). Answers 202 once Redis took the message, 400 for a bad room or
 * text, 503 when Redis did not take it.
 */
@RestController
class ChatAnnouncementController {

	static final String ANNOUNCER = "announcer";

	private final Emitter emitter;

	private final String serverId;

	ChatAnnouncementController(Emitter emitter, @Value("${sample.server-id}") String serverId) {
		this.emitter = emitter;
		this.serverId = serverId;
	}

	@PostMapping("/api/rooms/{room}/announcements")
	CompletableFuture<ResponseEntity<Map<String, Object>>> announce(@PathVariable String room,
			@RequestBody(required = false) @Nullable Map<String, Object> body) {
		String validRoom = ChatRules.room(room);
		String text = ChatRules.text((body != null) ? body.get("text") : null);
		if (validRoom == null || text == null) {
			return CompletableFuture.completedFuture(ResponseEntity.badRequest()
				.body(Map.of("error", "room: 1 to 40 letters, digits, '_', '.', '-'; text: 1 to "
						+ ChatRules.MAX_TEXT + " characters")));
		}
		ChatMessage message = ChatMessage.now(validRoom, ANNOUNCER, text, this.serverId);
		return this.emitter.to(validRoom).emit("chat:message", message).handle((done, failure) -> {
			if (failure != null) {
				return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.body(Map.of("error", "not published: " + failure.getMessage()));
			}
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("room", validRoom, "at", message.at()));
		});
	}

}
