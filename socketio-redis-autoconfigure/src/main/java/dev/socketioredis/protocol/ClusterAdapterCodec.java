package dev.socketioredis.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.socketioredis.protocol.ClusterAdapterMessage.AdapterClose;
import dev.socketioredis.protocol.ClusterAdapterMessage.Broadcast;
import dev.socketioredis.protocol.ClusterAdapterMessage.BroadcastAck;
import dev.socketioredis.protocol.ClusterAdapterMessage.BroadcastClientCount;
import dev.socketioredis.protocol.ClusterAdapterMessage.DisconnectSockets;
import dev.socketioredis.protocol.ClusterAdapterMessage.FetchSockets;
import dev.socketioredis.protocol.ClusterAdapterMessage.FetchSocketsResponse;
import dev.socketioredis.protocol.ClusterAdapterMessage.Heartbeat;
import dev.socketioredis.protocol.ClusterAdapterMessage.InitialHeartbeat;
import dev.socketioredis.protocol.ClusterAdapterMessage.ServerSideEmit;
import dev.socketioredis.protocol.ClusterAdapterMessage.ServerSideEmitResponse;
import dev.socketioredis.protocol.ClusterAdapterMessage.SocketsJoin;
import dev.socketioredis.protocol.ClusterAdapterMessage.SocketsLeave;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads {@link ClusterAdapterMessage}s as {@code socket.io-adapter} 2.5 and the sharded Redis adapter do:
 * {@code {type, data, uid, nsp}} with the keys of {@code data} in Node's order; JSON, or msgpack when a message of a
 * type that may carry binary ({@link Broadcast}, {@link BroadcastAck}, {@link FetchSocketsResponse},
 * {@link ServerSideEmit}, {@link ServerSideEmitResponse}) does.
 */
public final class ClusterAdapterCodec {

	private static final String TYPE = "type";

	private static final String DATA = "data";

	private static final String REQUEST_ID = "requestId";

	private static final String OPTS = "opts";

	private static final String ROOMS = "rooms";

	private static final String PACKET = "packet";

	private static final String SOCKETS = "sockets";

	private final WireTrees trees = new WireTrees();

	public byte[] encode(ClusterAdapterMessage message) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		boolean mayCarryBinary = false;
		int type;
		if (message instanceof InitialHeartbeat) {
			type = 1;
		}
		else if (message instanceof Heartbeat) {
			type = 2;
		}
		else if (message instanceof Broadcast broadcast) {
			type = 3;
			mayCarryBinary = true;
			Map<String, Object> packet = new LinkedHashMap<>();
			packet.put(TYPE, broadcast.packet().type());
			packet.put(DATA, broadcast.packet().data());
			data.put(PACKET, packet);
			WireTrees.putIfPresent(data, REQUEST_ID, broadcast.requestId());
			data.put(OPTS, broadcast.options().targetsAndFlagsOnWire());
		}
		else if (message instanceof SocketsJoin join) {
			type = 4;
			data.put(OPTS, join.options().targetsAndFlagsOnWire());
			data.put(ROOMS, join.rooms());
		}
		else if (message instanceof SocketsLeave leave) {
			type = 5;
			data.put(OPTS, leave.options().targetsAndFlagsOnWire());
			data.put(ROOMS, leave.rooms());
		}
		else if (message instanceof DisconnectSockets disconnect) {
			type = 6;
			data.put(OPTS, disconnect.options().targetsAndFlagsOnWire());
			data.put("close", disconnect.close());
		}
		else if (message instanceof FetchSockets fetch) {
			type = 7;
			data.put(OPTS, fetch.options().targetsAndFlagsOnWire());
			data.put(REQUEST_ID, fetch.requestId());
		}
		else if (message instanceof FetchSocketsResponse response) {
			type = 8;
			mayCarryBinary = true;
			data.put(REQUEST_ID, response.requestId());
			data.put(SOCKETS, response.sockets().stream().map(SocketDescription::toWire).toList());
		}
		else if (message instanceof ServerSideEmit emit) {
			type = 9;
			mayCarryBinary = true;
			WireTrees.putIfPresent(data, REQUEST_ID, emit.requestId());
			data.put(PACKET, emit.packet());
		}
		else if (message instanceof ServerSideEmitResponse response) {
			type = 10;
			mayCarryBinary = true;
			data.put(REQUEST_ID, response.requestId());
			data.put(PACKET, response.packet());
		}
		else if (message instanceof BroadcastClientCount count) {
			type = 11;
			data.put(REQUEST_ID, count.requestId());
			data.put("clientCount", count.clientCount());
		}
		else if (message instanceof BroadcastAck ack) {
			type = 12;
			mayCarryBinary = true;
			data.put(REQUEST_ID, ack.requestId());
			data.put(PACKET, ack.packet());
		}
		else {
			type = 13;
		}
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put(TYPE, type);
		if (type != 1 && type != 2 && type != 13) {
			fields.put(DATA, data);
		}
		fields.put("uid", message.uid());
		fields.put("nsp", message.nsp());
		return (mayCarryBinary && WireTrees.containsBinary(data)) ? this.trees.msgpack(fields)
				: this.trees.json(fields);
	}

	/**
	 * Reads a message, JSON or msgpack.
	 * @return empty for a type this adapter does not know (from a later version)
	 * @throws MalformedMessageException when it cannot be read, or a field is missing or of the wrong kind
	 */
	public Optional<ClusterAdapterMessage> decode(byte[] bytes) throws MalformedMessageException {
		Map<String, ?> fields = this.trees.readMap(bytes);
		int type = WireValues.integer(fields.get(TYPE), TYPE);
		String uid = WireValues.string(fields.get("uid"), "uid");
		String nsp = WireValues.string(fields.get("nsp"), "nsp");
		if (type == 1 || type == 2 || type == 13) {
			return Optional.of((type == 1) ? new InitialHeartbeat(uid, nsp)
					: (type == 2) ? new Heartbeat(uid, nsp) : new AdapterClose(uid, nsp));
		}
		Map<String, ?> data = WireValues.map(fields.get(DATA), DATA);
		return Optional.ofNullable(switch (type) {
			case 3 -> new Broadcast(uid, nsp, packet(data.get(PACKET), nsp), BroadcastOptions.read(data.get(OPTS)),
					WireValues.optionalString(data.get(REQUEST_ID), REQUEST_ID));
			case 4 -> new SocketsJoin(uid, nsp, BroadcastOptions.read(data.get(OPTS)), roomNames(data));
			case 5 -> new SocketsLeave(uid, nsp, BroadcastOptions.read(data.get(OPTS)), roomNames(data));
			case 6 -> new DisconnectSockets(uid, nsp, BroadcastOptions.read(data.get(OPTS)),
					Boolean.TRUE.equals(data.get("close")));
			case 7 -> new FetchSockets(uid, nsp, BroadcastOptions.read(data.get(OPTS)), requestId(data));
			case 8 -> new FetchSocketsResponse(uid, nsp, requestId(data), sockets(data.get(SOCKETS)));
			case 9 -> new ServerSideEmit(uid, nsp, WireValues.optionalString(data.get(REQUEST_ID), REQUEST_ID),
					new ArrayList<>(WireValues.list(data.get(PACKET), PACKET)));
			case 10 -> new ServerSideEmitResponse(uid, nsp, requestId(data), data.get(PACKET));
			case 11 -> new BroadcastClientCount(uid, nsp, requestId(data),
					WireValues.integer(data.get("clientCount"), "clientCount"));
			case 12 -> new BroadcastAck(uid, nsp, requestId(data), data.get(PACKET));
			default -> null;
		});
	}

	/** The packet of a broadcast carries no namespace: the message's is its own. */
	private static BroadcastPacket packet(@Nullable Object value, String nsp) throws MalformedMessageException {
		BroadcastPacket packet = BroadcastPacket.read(value);
		return new BroadcastPacket(packet.type(), packet.data(), nsp);
	}

	private static List<SocketDescription> sockets(@Nullable Object value) throws MalformedMessageException {
		List<SocketDescription> sockets = new ArrayList<>();
		for (Object socket : WireValues.list(value, SOCKETS)) {
			sockets.add(SocketDescription.read(socket));
		}
		return sockets;
	}

	private static List<String> roomNames(Map<String, ?> data) throws MalformedMessageException {
		return WireValues.rooms(data.get(ROOMS), ROOMS).stream().map(Room::name).toList();
	}

	private static String requestId(Map<String, ?> data) throws MalformedMessageException {
		return WireValues.string(data.get(REQUEST_ID), REQUEST_ID);
	}

}
