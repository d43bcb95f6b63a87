package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.protocol.SocketDescription;
import org.jspecify.annotations.Nullable;

/**
 * The local sockets of one node in the engine's unit tests: sockets are ids with rooms (their own included); what
 * they receive is recorded; a socket asked for an acknowledgement answers with its {@linkplain #answering answer},
 * or never.
 */
final class InMemorySockets implements LocalSockets {

	private final Map<String, Set<String>> roomsOfSocket = new ConcurrentHashMap<>();

	private final Map<String, @Nullable Object> answers = new ConcurrentHashMap<>();

	/** Every delivery, as {@code socketId event args...}. */
	final List<String> received = new CopyOnWriteArrayList<>();

	final List<String> disconnected = new CopyOnWriteArrayList<>();

	InMemorySockets connect(String socketId, String... rooms) {
		Set<String> all = ConcurrentHashMap.newKeySet();
		all.add(socketId);
		all.addAll(List.of(rooms));
		this.roomsOfSocket.put(socketId, all);
		return this;
	}

	/** The socket acknowledges every event that asks with this answer. */
	InMemorySockets answering(String socketId, Object answer) {
		this.answers.put(socketId, answer);
		return this;
	}

	Set<String> roomsOf(String socketId) {
		return this.roomsOfSocket.getOrDefault(socketId, Set.of());
	}

	@Override
	public boolean hasRoom(String room) {
		return this.roomsOfSocket.values().stream().anyMatch((rooms) -> rooms.contains(room));
	}

	@Override
	public int deliver(BroadcastPacket packet, BroadcastOptions options) {
		List<String> targets = socketIds(options);
		targets.forEach((socket) -> this.received.add(socket + " " + packet.event() + " " + packet.args()));
		return targets.size();
	}

	@Override
	public int deliverWithAck(BroadcastPacket packet, BroadcastOptions options, Duration timeout,
			Consumer<@Nullable Object> onAck) {
		List<String> targets = socketIds(options);
		for (String socket : targets) {
			this.received.add(socket + " " + packet.event() + " " + packet.args());
			if (this.answers.containsKey(socket)) {
				onAck.accept(this.answers.get(socket));
			}
		}
		return targets.size();
	}

	@Override
	public List<String> socketIds(BroadcastOptions options) {
		List<String> targets = new ArrayList<>();
		this.roomsOfSocket.forEach((socket, rooms) -> {
			boolean targeted = options.rooms().isEmpty() || options.rooms().stream().map(Room::name).anyMatch(rooms::contains);
			boolean excepted = options.except().stream().map(Room::name).anyMatch(rooms::contains);
			if (targeted && !excepted) {
				targets.add(socket);
			}
		});
		targets.sort(null);
		return targets;
	}

	@Override
	public List<SocketDescription> describe(BroadcastOptions options) {
		return socketIds(options).stream()
			.map((socket) -> new SocketDescription(socket, Map.of("query", Map.of()), List.copyOf(roomsOf(socket)),
					null))
			.toList();
	}

	@Override
	public void join(BroadcastOptions options, Collection<String> rooms) {
		socketIds(options).forEach((socket) -> this.roomsOfSocket.get(socket).addAll(rooms));
	}

	@Override
	public void leave(BroadcastOptions options, Collection<String> rooms) {
		socketIds(options).forEach((socket) -> this.roomsOfSocket.get(socket).removeAll(rooms));
	}

	@Override
	public void disconnect(BroadcastOptions options, boolean close) {
		socketIds(options).forEach((socket) -> {
			this.roomsOfSocket.remove(socket);
			this.disconnected.add(socket + (close ? " closed" : ""));
		});
	}

	@Override
	public int count() {
		return this.roomsOfSocket.size();
	}

	@Override
	public Map<String, Integer> roomSizes() {
		Map<String, Integer> sizes = new TreeMap<>();
		this.roomsOfSocket.values().forEach((rooms) -> rooms.forEach((room) -> sizes.merge(room, 1, Integer::sum)));
		return sizes;
	}

	@Override
	public Set<String> rooms() {
		Set<String> rooms = new LinkedHashSet<>();
		this.roomsOfSocket.values().forEach(rooms::addAll);
		return rooms;
	}

}
