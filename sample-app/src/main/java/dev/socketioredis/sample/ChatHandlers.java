package dev.socketioredis.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.adapter.RequestTimeoutException;
import dev.socketioredis.adapter.SocketData;
import dev.socketioredis.adapter.SocketIoCluster;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The multi-room chat of the sample page ({@code static/index.html}), cluster-wide through {@link SocketIoCluster}.
 * <ul>
 * <li>{@code chat:join {nick, room}}: leave the previous chat room if any, join {@code room}, keep
 * {@code {nick, room}} as the socket's data ({@link SocketData}, visible to {@code fetchSockets()} on every node),
 * then send {@code chat:presence} to the room (and to the room left)</li>
 * <li>{@code chat:message {room, text}}: send {@code chat:message} ({@link ChatMessage}) to every socket of the room,
 * on every node, the sender included; only from a member of that room</li>
 * <li>disconnect: send {@code chat:presence} to the room the socket was in</li>
 * </ul>
 * {@code chat:presence} carries the sorted nicknames of the room's sockets on every node, as
 * {@code cluster.of("/").in(room).fetchSockets()} finds them. Both events answer an acknowledgement when asked:
 * {@code {ok: true}} or {@code {ok: false, error}}.
 */
@Component
class ChatHandlers implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ChatHandlers.class);

	private final SocketIOServer server;

	private final SocketIoCluster cluster;

	private final String serverId;

	ChatHandlers(SocketIOServer server, SocketIoCluster cluster, @Value("${sample.server-id}") String serverId) {
		this.server = server;
		this.cluster = cluster;
		this.serverId = serverId;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.server.addEventListener("chat:join", Map.class, this::join);
		this.server.addEventListener("chat:message", Map.class, this::message);
		this.server.addDisconnectListener(this::disconnected);
		logger.info("Node {}: chat handlers registered", this.serverId);
	}

	private void join(SocketIOClient client, Map<?, ?> payload, AckRequest ack) {
		String nick = ChatRules.nick(payload.get("nick"));
		String room = ChatRules.room(payload.get("room"));
		if (nick == null || room == null) {
			answer(ack, "nick: 1 to " + ChatRules.MAX_NICK + " characters; room: 1 to 40 letters, digits, '_', '.', '-'");
			return;
		}
		String previous = chatRoom(client);
		if (previous != null && !previous.equals(room)) {
			client.leaveRoom(previous);
		}
		SocketData.set(client, Map.of("nick", nick, "room", room));
		// answered once the room's messages from every node reach the client
		this.cluster.of("/").join(client, room).whenComplete((joined, failure) -> {
			answer(ack, (failure != null) ? "the server is shutting down" : null);
			if (previous != null && !previous.equals(room)) {
				publishPresence(previous, null);
			}
			publishPresence(room, null);
		});
	}

	private void message(SocketIOClient client, Map<?, ?> payload, AckRequest ack) {
		String room = ChatRules.room(payload.get("room"));
		String text = ChatRules.text(payload.get("text"));
		String nick = nick(SocketData.get(client));
		if (room == null || !room.equals(chatRoom(client)) || nick == null) {
			answer(ack, "join the room first");
			return;
		}
		if (text == null) {
			answer(ack, "text: 1 to " + ChatRules.MAX_TEXT + " characters");
			return;
		}
		this.cluster.of("/")
			.to(room)
			.emit("chat:message", ChatMessage.now(room, nick, text, this.serverId))
			.whenComplete((done, failure) -> {
				if (failure != null) {
					logger.warn("Node {}: chat message to room {} not published: {}", this.serverId, room,
							failure.toString());
				}
			});
		answer(ack, null);
	}

	private void disconnected(SocketIOClient client) {
		String room = chatRoom(client);
		if (room != null) {
			publishPresence(room, client.getSessionId().toString());
		}
	}

	/**
	 * Sends the room's nicknames, as {@code fetchSockets()} finds them on every node, to the room on every node.
	 * @param gone a socket that is leaving and may still be listed
	 */
	CompletableFuture<List<String>> publishPresence(String room, @Nullable String gone) {
		return this.cluster.of("/").in(room).fetchSockets().handle((sockets, failure) -> {
			List<String> nicks = new ArrayList<>();
			if (failure == null) {
				sockets.stream()
					.filter((socket) -> !socket.id().equals(gone))
					.map(RemoteSocket::data)
					.map(ChatHandlers::nick)
					.forEach((nick) -> add(nicks, nick));
			}
			else if (unwrap(failure) instanceof RequestTimeoutException timeout) {
				// some node did not answer in time: the nicknames of those that did
				logger.warn("Node {}: presence of room {} is partial: {}", this.serverId, room, timeout.getMessage());
				timeout.partial()
					.stream()
					.filter((socket) -> socket instanceof Map<?, ?> map && !String.valueOf(map.get("id")).equals(gone))
					.map((socket) -> nick(((Map<?, ?>) socket).get("data")))
					.forEach((nick) -> add(nicks, nick));
			}
			else {
				logger.warn("Node {}: presence of room {} unknown: {}", this.serverId, room, failure.toString());
				return nicks;
			}
			nicks.sort(String.CASE_INSENSITIVE_ORDER);
			this.cluster.of("/").to(room).emit("chat:presence", nicks);
			return nicks;
		});
	}

	private static void add(List<String> nicks, @Nullable String nick) {
		if (nick != null) {
			nicks.add(nick);
		}
	}

	private static @Nullable String chatRoom(SocketIOClient client) {
		return (SocketData.get(client) instanceof Map<?, ?> data && data.get("room") instanceof String room) ? room
				: null;
	}

	private static @Nullable String nick(@Nullable Object data) {
		return (data instanceof Map<?, ?> map && map.get("nick") instanceof String nick) ? nick : null;
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	private static void answer(AckRequest ack, @Nullable String error) {
		if (ack.isAckRequested()) {
			ack.sendAckData((error != null) ? Map.of("ok", false, "error", error) : Map.of("ok", true));
		}
	}

}
