package dev.socketioredis.sample;

import java.util.Map;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketioredis.adapter.SocketData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Applies the handshake query of a new connection, before its CONNECT is acknowledged:
 * <ul>
 * <li>{@code room}: joins each of its comma-separated rooms ({@code room=a,b}); none when missing or empty</li>
 * <li>{@code data}: a JSON object stored as the socket's data ({@link SocketData}), which {@code fetchSockets}
 * returns on every node; a value that is not a JSON object is ignored</li>
 * </ul>
 */
@Component
class HandshakeQuery implements NamespaceHandlers {

	private static final Logger logger = LoggerFactory.getLogger(HandshakeQuery.class);

	/** Jackson 2: the mapper netty-socketio itself uses; the value is already URL-decoded. */
	private final ObjectMapper objectMapper = new ObjectMapper();

	@Override
	public void registerOn(SocketIONamespace namespace) {
		namespace.addConnectListener(this::apply);
	}

	private void apply(SocketIOClient client) {
		joinRooms(client, client.getHandshakeData().getSingleUrlParam("room"));
		storeData(client, client.getHandshakeData().getSingleUrlParam("data"));
	}

	private void joinRooms(SocketIOClient client, String rooms) {
		if (rooms == null) {
			return;
		}
		for (String room : rooms.split(",")) {
			if (!room.isEmpty()) {
				client.joinRoom(room);
			}
		}
	}

	private void storeData(SocketIOClient client, String data) {
		if (data == null || data.isEmpty()) {
			return;
		}
		try {
			SocketData.set(client, this.objectMapper.readValue(data, Map.class));
		}
		catch (JsonProcessingException ex) {
			logger.debug("Ignored the data query of {}: not a JSON object ({})", client.getSessionId(),
					ex.getOriginalMessage());
		}
	}

}
