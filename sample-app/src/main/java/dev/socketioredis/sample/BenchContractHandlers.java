package dev.socketioredis.sample;

import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The benchmark contract on netty-socketio's own API; the starter carries room broadcasts to the other nodes through
 * Redis.
 * <ul>
 * <li>connect: join the rooms of the handshake query {@code room} ({@code room=a,b}; none when missing or empty)</li>
 * <li>{@code bcast {room, ...}}: emit {@code msg} with the same object to every socket of {@code room}, cluster-wide,
 * the sender included</li>
 * <li>{@code echo obj} with an ack: acknowledge with {@code obj}</li>
 * </ul>
 * Registered once every singleton exists, hence before the starter's lifecycle starts the server.
 */
@Component
class BenchContractHandlers implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(BenchContractHandlers.class);

	private final SocketIOServer server;

	private final String serverId;

	BenchContractHandlers(SocketIOServer server, @Value("${sample.server-id}") String serverId) {
		this.server = server;
		this.serverId = serverId;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.server.addConnectListener(this::joinRooms);
		this.server.addEventListener("bcast", Map.class, this::broadcast);
		this.server.addEventListener("echo", Object.class, this::echo);
		logger.info("Node {}: benchmark handlers registered", this.serverId);
	}

	private void joinRooms(SocketIOClient client) {
		String rooms = client.getHandshakeData().getSingleUrlParam("room");
		if (rooms == null) {
			return;
		}
		for (String room : rooms.split(",")) {
			if (!room.isEmpty()) {
				client.joinRoom(room);
			}
		}
	}

	private void broadcast(SocketIOClient client, Map<?, ?> payload, AckRequest ack) {
		if (payload.get("room") instanceof String room) {
			this.server.getRoomOperations(room).sendEvent("msg", payload);
		}
		if (ack.isAckRequested()) {
			ack.sendAckData();
		}
	}

	private void echo(SocketIOClient client, Object payload, AckRequest ack) {
		if (ack.isAckRequested()) {
			ack.sendAckData(payload);
		}
	}

}
