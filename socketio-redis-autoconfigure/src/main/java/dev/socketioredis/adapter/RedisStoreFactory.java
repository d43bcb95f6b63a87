package dev.socketioredis.adapter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.handler.AuthorizeHandler;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.store.MemoryStore;
import com.corundumstudio.socketio.store.Store;
import com.corundumstudio.socketio.store.StoreFactory;
import com.corundumstudio.socketio.store.pubsub.DispatchMessage;
import com.corundumstudio.socketio.store.pubsub.JoinLeaveMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.Room;
import dev.socketioredis.redis.RedisPubSub;
import dev.socketioredis.transport.SharedPacketEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Plugs the cluster adapter into netty-socketio through its only clustering hook. It keeps one
 * {@link NamespaceAdapter} per namespace (those that exist at start, and later ones on their first connection or
 * broadcast), carries the broadcasts made with netty-socketio's own API to Redis in the Node format, and puts every
 * client in a room named by its session id, as Socket.IO does.
 *
 * <p>
 * Sessions stay in memory ({@link MemoryStore}): Socket.IO sessions are node-local, hence sticky sessions for
 * long-polling.
 */
public class RedisStoreFactory implements StoreFactory {

	private final ChannelNames channels;

	private final RedisPubSub pubSub;

	private final BroadcastCodec codec;

	private final Map<String, NamespaceAdapter> adapters = new ConcurrentHashMap<>();

	private final PubSubStore bridge = new NettyPubSubBridge(this);

	private volatile @Nullable NamespacesHub namespaces;

	private volatile @Nullable SharedPacketEncoder sharedPackets;

	public RedisStoreFactory(ChannelNames channels, RedisPubSub pubSub, BroadcastCodec codec) {
		this.channels = channels;
		this.pubSub = pubSub;
		this.codec = codec;
	}

	@Override
	public void init(NamespacesHub namespacesHub, AuthorizeHandler authorizeHandler, JsonSupport jsonSupport) {
		this.namespaces = namespacesHub;
		this.sharedPackets = new SharedPacketEncoder(jsonSupport);
		for (SocketIONamespace namespace : namespacesHub.getAllNamespaces()) {
			adapterOf(namespace.getName());
		}
	}

	/** The adapter of a namespace given in its Socket.IO form ({@code /}, {@code /admin}), once the server runs. */
	public Optional<NamespaceAdapter> adapter(String namespace) {
		return Optional.ofNullable(this.adapters.get(NamespaceNames.toNetty(namespace)));
	}

	/** The adapters of every namespace known so far. */
	public Collection<NamespaceAdapter> adapters() {
		return List.copyOf(this.adapters.values());
	}

	private NamespaceAdapter adapterOf(String nettyName) {
		return this.adapters.computeIfAbsent(nettyName, (name) -> {
			NamespaceAdapter adapter = new NamespaceAdapter(NamespaceNames.toSocketIo(name),
					new LocalSockets(namespace(name), sharedPackets()), this.channels, this.pubSub, this.codec);
			adapter.subscribe();
			return adapter;
		});
	}

	private SharedPacketEncoder sharedPackets() {
		SharedPacketEncoder encoder = this.sharedPackets;
		if (encoder == null) {
			throw new IllegalStateException("The Socket.IO server has not started");
		}
		return encoder;
	}

	private Namespace namespace(String nettyName) {
		NamespacesHub hub = this.namespaces;
		Namespace namespace = (hub != null) ? hub.get(nettyName) : null;
		if (namespace == null) {
			throw new IllegalStateException("No namespace '" + nettyName + "' on a started server");
		}
		return namespace;
	}

	/** A broadcast made with netty-socketio's API, already delivered to local clients. */
	void onDispatch(DispatchMessage dispatch) {
		Packet packet = dispatch.getPacket();
		if (packet.getType() != PacketType.MESSAGE || packet.getSubType() != PacketType.EVENT) {
			return; // only events travel between Socket.IO nodes
		}
		String nettyName = dispatch.getNamespace();
		// netty-socketio broadcasts to a whole namespace as a room named after it
		List<Room> rooms = dispatch.getRoom().equals(nettyName) ? List.of() : List.of(Room.of(dispatch.getRoom()));
		List<Object> args = (packet.getData() != null) ? packet.getData() : List.of();
		adapterOf(nettyName).publish(BroadcastPacket.event(NamespaceNames.toSocketIo(nettyName), packet.getName(), args),
				new BroadcastOptions(rooms, List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER));
	}

	/** A client joined a room; netty-socketio joins every client to a room named after its namespace on connect. */
	void onJoin(JoinLeaveMessage join) {
		if (join.getRoom().equals(join.getNamespace())) {
			UUID sessionId = join.getSessionId();
			adapterOf(join.getNamespace());
			namespace(join.getNamespace()).join(sessionId.toString(), sessionId);
		}
	}

	@Override
	public PubSubStore pubSubStore() {
		return this.bridge;
	}

	@Override
	public Store createStore(UUID sessionId) {
		return new MemoryStore();
	}

	@Override
	public <K, V> Map<K, V> createMap(String name) {
		return new ConcurrentHashMap<>();
	}

	@Override
	public void onDisconnect(ClientHead client) {
	}

	@Override
	public void shutdown() {
		this.adapters.values().forEach(NamespaceAdapter::close);
		this.adapters.clear();
	}

}
