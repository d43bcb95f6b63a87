package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.SocketDescription;
import org.jspecify.annotations.Nullable;

/**
 * The sockets of one namespace connected to this node: the port through which the engine reaches them. The targets
 * of options are the sockets in any of their rooms (all when none) minus those in any of their except rooms.
 */
interface LocalSockets {

	boolean hasRoom(String room);

	/**
	 * Sends a broadcast's packet to every target, once each.
	 * @return how many sockets it was sent to
	 */
	int deliver(BroadcastPacket packet, BroadcastOptions options);

	/**
	 * Sends the event to every target with an acknowledgement callback each.
	 * @return how many sockets it was sent to, that is how many acknowledgements may come
	 */
	int deliverWithAck(BroadcastPacket packet, BroadcastOptions options, Duration timeout,
			Consumer<@Nullable Object> onAck);

	List<String> socketIds(BroadcastOptions options);

	/** The targets as {@code fetchSockets()} describes them. */
	List<SocketDescription> describe(BroadcastOptions options);

	void join(BroadcastOptions options, Collection<String> rooms);

	void leave(BroadcastOptions options, Collection<String> rooms);

	/** Disconnects the targets from this namespace, or closes their whole connection when {@code close}. */
	void disconnect(BroadcastOptions options, boolean close);

	/** How many sockets of the namespace this node has. */
	int count();

	/** Local members of every room, socket-id rooms included. */
	Map<String, Integer> roomSizes();

	/** Every room with a local member, socket-id rooms included. */
	Set<String> rooms();

}
