package dev.socketioredis.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.socketioredis.protocol.ClassicRequest.AllRooms;
import dev.socketioredis.protocol.ClassicRequest.BroadcastWithAck;
import dev.socketioredis.protocol.ClassicRequest.DisconnectSockets;
import dev.socketioredis.protocol.ClassicRequest.FetchSockets;
import dev.socketioredis.protocol.ClassicRequest.ServerSideEmit;
import dev.socketioredis.protocol.ClassicRequest.SocketsJoin;
import dev.socketioredis.protocol.ClassicRequest.SocketsLeave;
import dev.socketioredis.protocol.ClassicResponse.ClientAck;
import dev.socketioredis.protocol.ClassicResponse.ClientCount;
import dev.socketioredis.protocol.ClassicResponse.Done;
import dev.socketioredis.protocol.ClassicResponse.Rooms;
import dev.socketioredis.protocol.ClassicResponse.ServerSideEmitAck;
import dev.socketioredis.protocol.ClassicResponse.Sockets;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the requests and responses of the classic adapter ({@link ClassicRequest},
 * {@link ClassicResponse}) with the keys in the order the Node adapter and emitter write them, so that the same call
 * gives the same bytes. JSON, except a {@link BroadcastWithAck} and a {@link ClientAck}, which may carry binary and
 * are msgpack, as in Node.
 */
public final class ClassicCodec {

	private static final String TYPE = "type";

	private static final String UID = "uid";

	private static final String REQUEST_ID = "requestId";

	private static final String OPTS = "opts";

	private static final String ROOMS = "rooms";

	private static final String SOCKETS = "sockets";

	private static final String DATA = "data";

	private static final String PACKET = "packet";

	private static final String CLOSE = "close";

	private final WireTrees trees = new WireTrees();

	public byte[] encode(ClassicRequest request) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		WireTrees.putIfPresent(fields, UID, request.uid());
		if (request instanceof ClassicRequest.SocketIds ids) {
			fields.put(REQUEST_ID, ids.requestId());
			fields.put(TYPE, RequestType.SOCKETS.code());
			fields.put(ROOMS, ids.rooms());
		}
		else if (request instanceof AllRooms all) {
			fields.put(REQUEST_ID, all.requestId());
			fields.put(TYPE, RequestType.ALL_ROOMS.code());
		}
		else if (request instanceof SocketsJoin join) {
			fields.put(TYPE, RequestType.REMOTE_JOIN.code());
			fields.put(OPTS, join.options().targetsOnWire());
			fields.put(ROOMS, join.rooms());
		}
		else if (request instanceof SocketsLeave leave) {
			fields.put(TYPE, RequestType.REMOTE_LEAVE.code());
			fields.put(OPTS, leave.options().targetsOnWire());
			fields.put(ROOMS, leave.rooms());
		}
		else if (request instanceof DisconnectSockets disconnect) {
			fields.put(TYPE, RequestType.REMOTE_DISCONNECT.code());
			fields.put(OPTS, disconnect.options().targetsOnWire());
			fields.put(CLOSE, disconnect.close());
		}
		else if (request instanceof FetchSockets fetch) {
			fields.put(REQUEST_ID, fetch.requestId());
			fields.put(TYPE, RequestType.REMOTE_FETCH.code());
			fields.put(OPTS, fetch.options().targetsOnWire());
		}
		else if (request instanceof ServerSideEmit emit) {
			WireTrees.putIfPresent(fields, REQUEST_ID, emit.requestId());
			fields.put(TYPE, RequestType.SERVER_SIDE_EMIT.code());
			fields.put(DATA, emit.data());
		}
		else if (request instanceof BroadcastWithAck broadcast) {
			fields.put(REQUEST_ID, broadcast.requestId());
			fields.put(TYPE, RequestType.BROADCAST.code());
			fields.put(PACKET, broadcast.packet());
			fields.put(OPTS, broadcast.options().targetsAndFlagsOnWire());
			return this.trees.msgpack(fields);
		}
		return this.trees.json(fields);
	}

	public byte[] encode(ClassicResponse response) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		if (response instanceof ServerSideEmitAck ack) {
			fields.put(TYPE, RequestType.SERVER_SIDE_EMIT.code());
			fields.put(REQUEST_ID, ack.requestId());
			fields.put(DATA, ack.data());
		}
		else if (response instanceof ClientCount count) {
			fields.put(TYPE, RequestType.BROADCAST_CLIENT_COUNT.code());
			fields.put(REQUEST_ID, count.requestId());
			fields.put("clientCount", count.clientCount());
		}
		else if (response instanceof ClientAck ack) {
			fields.put(TYPE, RequestType.BROADCAST_ACK.code());
			fields.put(REQUEST_ID, ack.requestId());
			fields.put(PACKET, ack.packet());
			return this.trees.msgpack(fields);
		}
		else {
			fields.put(REQUEST_ID, response.requestId());
			if (response instanceof ClassicResponse.SocketIds ids) {
				fields.put(SOCKETS, ids.sockets());
			}
			else if (response instanceof Rooms rooms) {
				fields.put(ROOMS, rooms.rooms());
			}
			else if (response instanceof Sockets sockets) {
				fields.put(SOCKETS, sockets.sockets().stream().map(SocketDescription::toWire).toList());
			}
		}
		return this.trees.json(fields);
	}

	/**
	 * Reads a message of the request channel.
	 * @return empty for a message of no request type this adapter knows (a response, a type from a later version)
	 * @throws MalformedMessageException when it cannot be read, or a field is missing or of the wrong kind
	 */
	public Optional<ClassicRequest> decodeRequest(byte[] bytes) throws MalformedMessageException {
		Fields message = new Fields(this.trees.readMap(bytes));
		Optional<RequestType> type = message.type();
		if (type.isEmpty()) {
			return Optional.empty();
		}
		String uid = message.optionalString(UID);
		ClassicRequest request = switch (type.get()) {
			case SOCKETS -> new ClassicRequest.SocketIds(uid, message.string(REQUEST_ID), message.rooms(ROOMS));
			case ALL_ROOMS -> new AllRooms(uid, message.string(REQUEST_ID));
			case REMOTE_JOIN -> new SocketsJoin(uid, message.targets(), message.roomsToChange(),
					message.legacyRequestId());
			case REMOTE_LEAVE -> new SocketsLeave(uid, message.targets(), message.roomsToChange(),
					message.legacyRequestId());
			case REMOTE_DISCONNECT -> new DisconnectSockets(uid, message.targets(),
					Boolean.TRUE.equals(message.get(CLOSE)), message.legacyRequestId());
			case REMOTE_FETCH -> new FetchSockets(uid, message.string(REQUEST_ID), message.options());
			case SERVER_SIDE_EMIT -> new ServerSideEmit(uid, message.optionalString(REQUEST_ID),
					new ArrayList<>(message.list(DATA)));
			case BROADCAST -> new BroadcastWithAck(uid, message.string(REQUEST_ID),
					BroadcastPacket.read(message.get(PACKET)), message.options());
			default -> null; // a response on the request channel
		};
		return Optional.ofNullable(request);
	}

	/**
	 * Reads a message of a response channel. An answer that is none of the known shapes still answers its request
	 * ({@link Done}), as it does in Node.
	 * @throws MalformedMessageException when it cannot be read, has no request id, or a field is of the wrong kind
	 */
	public ClassicResponse decodeResponse(byte[] bytes) throws MalformedMessageException {
		Fields message = new Fields(this.trees.readMap(bytes));
		String requestId = message.string(REQUEST_ID);
		RequestType type = message.type().orElse(null);
		if (type == RequestType.SERVER_SIDE_EMIT) {
			return new ServerSideEmitAck(requestId, message.get(DATA));
		}
		if (type == RequestType.BROADCAST_CLIENT_COUNT) {
			return new ClientCount(requestId, message.integer("clientCount"));
		}
		if (type == RequestType.BROADCAST_ACK) {
			return new ClientAck(requestId, message.get(PACKET));
		}
		if (message.has(SOCKETS)) {
			return sockets(requestId, message.list(SOCKETS));
		}
		if (message.has(ROOMS)) {
			return new Rooms(requestId, message.rooms(ROOMS));
		}
		return new Done(requestId);
	}

	/** Socket descriptions, or socket ids when that is all a node sent (its answer to a type 0 request). */
	private static ClassicResponse sockets(String requestId, List<?> sockets) throws MalformedMessageException {
		if (!sockets.isEmpty() && sockets.stream().allMatch(String.class::isInstance)) {
			return new ClassicResponse.SocketIds(requestId, sockets.stream().map(String.class::cast).toList());
		}
		List<SocketDescription> described = new ArrayList<>();
		for (Object socket : sockets) {
			described.add(SocketDescription.read(socket));
		}
		return new Sockets(requestId, described);
	}

	/** Checked reads of a decoded message's fields. */
	private record Fields(Map<String, ?> fields) {

		@Nullable Object get(String field) {
			return this.fields.get(field);
		}

		boolean has(String field) {
			return this.fields.containsKey(field);
		}

		Optional<RequestType> type() throws MalformedMessageException {
			Object type = this.fields.get(TYPE);
			return (type != null) ? RequestType.of(WireValues.integer(type, TYPE)) : Optional.empty();
		}

		String string(String field) throws MalformedMessageException {
			return WireValues.string(this.fields.get(field), field);
		}

		@Nullable String optionalString(String field) throws MalformedMessageException {
			return WireValues.optionalString(this.fields.get(field), field);
		}

		int integer(String field) throws MalformedMessageException {
			return WireValues.integer(this.fields.get(field), field);
		}

		List<?> list(String field) throws MalformedMessageException {
			return WireValues.list(this.fields.get(field), field);
		}

		List<Room> rooms(String field) throws MalformedMessageException {
			return WireValues.rooms(this.fields.get(field), field);
		}

		BroadcastOptions options() throws MalformedMessageException {
			return BroadcastOptions.read(this.fields.get(OPTS));
		}

		/** The {@code opts} of a join, leave or disconnect, or the one socket of the {@code sid} form. */
		BroadcastOptions targets() throws MalformedMessageException {
			return has(OPTS) ? options()
					: BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER).to(string("sid"));
		}

		List<String> roomsToChange() throws MalformedMessageException {
			return has(ROOMS) ? rooms(ROOMS).stream().map(Room::name).toList() : List.of(string("room"));
		}

		/** Only the {@code sid} form asks for an answer. */
		@Nullable String legacyRequestId() throws MalformedMessageException {
			return has(OPTS) ? null : optionalString(REQUEST_ID);
		}

	}

}
