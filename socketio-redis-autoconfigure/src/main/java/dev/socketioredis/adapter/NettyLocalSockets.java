package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import com.corundumstudio.socketio.AckCallback;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.protocol.SocketDescription;
import dev.socketioredis.transport.EngineSessions;
import dev.socketioredis.transport.SharedPacket;
import dev.socketioredis.transport.SharedPacketEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The clients of one netty-socketio namespace connected to this node, and the delivery of a broadcast to them.
 */
final class NettyLocalSockets implements LocalSockets {

	private final Namespace namespace;

	private final SharedPacketEncoder sharedPackets;

	NettyLocalSockets(Namespace namespace, SharedPacketEncoder sharedPackets) {
		this.namespace = namespace;
		this.sharedPackets = sharedPackets;
	}

	@Override
	public boolean hasRoom(String room) {
		return this.namespace.getRooms().contains(room);
	}

	/**
	 * Sends the packet to every local target of the options, once each, encoded for the client's own Engine.IO
	 * version.
	 * @return how many clients it was sent to
	 */
	@Override
	public int deliver(BroadcastPacket packet, BroadcastOptions options) {
		Collection<SocketIOClient> targets = targets(options);
		if (targets.isEmpty()) {
			return 0;
		}
		Optional<SharedPacket> shared = this.sharedPackets.encode(this.namespace.getName(), packet.event(),
				packet.args(), packet.dataJson());
		int delivered = 0;
		for (SocketIOClient client : targets) {
			if (options.isVolatile() && !client.isWritable()) {
				continue;
			}
			// encoded once for all clients, unless it has attachments (encoded per client, per Engine.IO version)
			client.send(shared.isPresent() ? shared.get() : eventFor(client, packet));
			delivered++;
		}
		return delivered;
	}

	@Override
	public List<String> socketIds(BroadcastOptions options) {
		return targets(options).stream().map((client) -> client.getSessionId().toString()).toList();
	}

	/** Union of the rooms (every client when none) minus every member of an except room. */
	private Collection<SocketIOClient> targets(BroadcastOptions options) {
		if (options.rooms().isEmpty() && options.except().isEmpty()) {
			return this.namespace.getAllClients();
		}
		if (options.rooms().size() == 1 && options.except().isEmpty()) { // the common case: a room's members are unique
			Iterable<SocketIOClient> members = this.namespace.getRoomClients(options.rooms().get(0).name());
			if (members instanceof Collection<SocketIOClient> collection) { // netty-socketio's own copy: no second one
				return collection;
			}
			List<SocketIOClient> copy = new ArrayList<>();
			members.forEach(copy::add);
			return copy;
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
	 * Sends the event to every local target with an acknowledgement callback each.
	 * @return how many clients it was sent to, that is how many acknowledgements may come
	 */
	@Override
	public int deliverWithAck(BroadcastPacket packet, BroadcastOptions options, Duration timeout,
			Consumer<@Nullable Object> onAck) {
		int timeoutSeconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
		int sent = 0;
		for (SocketIOClient client : targets(options)) {
			if (options.isVolatile() && !client.isWritable()) {
				continue;
			}
			client.sendEvent(packet.event(), new AckCallback<>(Object.class, timeoutSeconds) {
				@Override
				public void onSuccess(@Nullable Object result) {
					onAck.accept(result);
				}
			}, packet.args().toArray());
			sent++;
		}
		return sent;
	}

	@Override
	public int count() {
		return this.namespace.getAllClients().size();
	}

	/** Local members of every room, socket-id rooms included. */
	@Override
	public Map<String, Integer> roomSizes() {
		Map<String, Integer> sizes = new TreeMap<>();
		for (String room : rooms()) {
			int size = 0;
			for (SocketIOClient client : this.namespace.getRoomClients(room)) {
				size++;
			}
			sizes.put(room, size);
		}
		return sizes;
	}

	/** Every room with a local member, socket-id rooms included. */
	@Override
	public Set<String> rooms() {
		Set<String> rooms = new LinkedHashSet<>(this.namespace.getRooms());
		rooms.remove(this.namespace.getName());
		return rooms;
	}

	/** The local targets as {@code fetchSockets()} describes them. */
	@Override
	public List<SocketDescription> describe(BroadcastOptions options) {
		return targets(options).stream()
			.map((client) -> SocketDetails.of(client, SocketDetails.roomsOf(client, this.namespace.getName())))
			.toList();
	}

	@Override
	public void join(BroadcastOptions options, Collection<String> rooms) {
		targets(options).forEach((client) -> rooms.forEach(client::joinRoom));
	}

	@Override
	public void leave(BroadcastOptions options, Collection<String> rooms) {
		targets(options).forEach((client) -> rooms.forEach(client::leaveRoom));
	}

	/** Disconnects the targets from this namespace, or closes their whole connection when {@code close}. */
	@Override
	public void disconnect(BroadcastOptions options, boolean close) {
		for (SocketIOClient client : List.copyOf(targets(options))) {
			NamespaceClient socket = (NamespaceClient) client;
			if (close) {
				EngineSessions.disconnectAll(socket.getBaseClient());
			}
			else {
				EngineSessions.disconnect(socket);
			}
		}
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
