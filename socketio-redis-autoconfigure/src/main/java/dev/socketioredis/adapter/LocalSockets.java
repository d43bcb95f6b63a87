package dev.socketioredis.adapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.Room;

/**
 * The clients of one netty-socketio namespace connected to this node, and the delivery of a broadcast to them.
 */
final class LocalSockets {

	private final Namespace namespace;

	LocalSockets(Namespace namespace) {
		this.namespace = namespace;
	}

	boolean hasRoom(String room) {
		return this.namespace.getRooms().contains(room);
	}

	/**
	 * Sends the packet to every local target of the options, once each, encoded for the client's own Engine.IO
	 * version.
	 * @return how many clients it was sent to
	 */
	int deliver(BroadcastPacket packet, BroadcastOptions options) {
		int delivered = 0;
		for (SocketIOClient client : targets(options)) {
			if (options.isVolatile() && !client.isWritable()) {
				continue;
			}
			client.send(eventFor(client, packet));
			delivered++;
		}
		return delivered;
	}

	/** Union of the rooms (every client when none) minus every member of an except room. */
	private Collection<SocketIOClient> targets(BroadcastOptions options) {
		if (options.rooms().isEmpty() && options.except().isEmpty()) {
			return this.namespace.getAllClients();
		}
		Map<UUID, SocketIOClient> targets = new LinkedHashMap<>();
		if (options.rooms().isEmpty()) {
			this.namespace.getAllClients().forEach((client) -> targets.put(client.getSessionId(), client));
		}
		for (Room room : options.rooms()) {
			this.namespace.getRoomClients(room.name()).forEach((client) -> targets.put(client.getSessionId(), client));
		}
		for (Room room : options.except()) {
			this.namespace.getRoomClients(room.name()).forEach((client) -> targets.remove(client.getSessionId()));
		}
		return targets.values();
	}

	/**
	 * A packet of its own for each client: netty-socketio's encoder takes the Engine.IO version from the packet and
	 * mutates it while encoding, so sharing one across clients corrupts it.
	 */
	private Packet eventFor(SocketIOClient client, BroadcastPacket broadcast) {
		Packet packet = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
		packet.setSubType(PacketType.EVENT);
		packet.setNsp(this.namespace.getName());
		packet.setName(broadcast.event());
		packet.setData(broadcast.args());
		return packet;
	}

}
