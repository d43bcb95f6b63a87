package dev.socketioredis.adapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.transport.SharedPacket;
import dev.socketioredis.transport.SharedPacketEncoder;

/**
 * The clients of one netty-socketio namespace connected to this node, and the delivery of a broadcast to them.
 */
final class LocalSockets {

	private final Namespace namespace;

	private final SharedPacketEncoder sharedPackets;

	LocalSockets(Namespace namespace, SharedPacketEncoder sharedPackets) {
		this.namespace = namespace;
		this.sharedPackets = sharedPackets;
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
		Collection<SocketIOClient> targets = targets(options);
		if (targets.isEmpty()) {
			return 0;
		}
		Optional<SharedPacket> shared = this.sharedPackets.encode(this.namespace.getName(), packet.event(),
				packet.args());
		int delivered = 0;
		for (SocketIOClient client : targets) {
			if (options.isVolatile() && !client.isWritable()) {
				continue;
			}
			// encoded once for websocket clients; a polling client's packet is batched per poll with its version
			boolean websocket = client.getTransport() == Transport.WEBSOCKET;
			client.send((websocket && shared.isPresent()) ? shared.get() : eventFor(client, packet));
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

	/** A packet of the client's own: netty-socketio's encoder reads its Engine.IO version from the packet. */
	private Packet eventFor(SocketIOClient client, BroadcastPacket broadcast) {
		Packet packet = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
		packet.setSubType(PacketType.EVENT);
		packet.setNsp(this.namespace.getName());
		packet.setName(broadcast.event());
		packet.setData(broadcast.args());
		return packet;
	}

}
