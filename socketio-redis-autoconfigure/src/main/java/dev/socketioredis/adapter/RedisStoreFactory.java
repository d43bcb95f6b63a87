package dev.socketioredis.adapter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

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
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.transport.SharedPacketEncoder;
import org.jspecify.annotations.Nullable;

/**
 * Plugs the cluster adapter into netty-socketio through its only clustering hook. It keeps one
 * {@link NamespaceAdapter} per namespace (those that exist at start, later ones on their first connection or
 * broadcast), carries the broadcasts made with netty-socketio's own API to Redis in the Node format, tells the
 * adapters of joins and leaves, and puts every client in a room named by its session id, as Socket.IO does.
 *
 * <p>
 * Sessions stay in memory ({@link MemoryStore}): Socket.IO sessions are node-local, hence sticky sessions for
 * long-polling.
 */
public class RedisStoreFactory implements StoreFactory {

	private final ClusterSettings settings;

	private final Map<String, NamespaceAdapter> adapters = new ConcurrentHashMap<>();

	private final PubSubStore bridge = new NettyPubSubBridge(this);

	/** Subscribes room channels (channel multiplexing) off the Netty event loops. */
	private final ScheduledExecutorService roomSubscriber = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "socketio-redis-room-subscriber");
		thread.setDaemon(true);
		return thread;
	});

	/** Deadlines of pending requests. */
	private final ScheduledExecutorService requestTimer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "socketio-redis-request-timer");
		thread.setDaemon(true);
		return thread;
	});

	private volatile @Nullable NamespacesHub namespaces;

	private volatile @Nullable SharedPacketEncoder sharedPackets;

	public RedisStoreFactory(ClusterSettings settings) {
		this.settings = settings;
	}

	@Override
	public void init(NamespacesHub namespacesHub, AuthorizeHandler authorizeHandler, JsonSupport jsonSupport) {
		this.namespaces = namespacesHub;
		this.sharedPackets = new SharedPacketEncoder(jsonSupport);
		for (SocketIONamespace namespace : namespacesHub.getAllNamespaces()) {
			adapterOf(namespace.getName());
		}
	}

	/**
	 * The adapter of a namespace of the running server, given in its Socket.IO form ({@code /}, {@code /admin}).
	 * @throws IllegalStateException before the server started, or for a namespace the server does not have
	 */
	public NamespaceAdapter adapter(String namespace) {
		return adapterOf(NamespaceNames.toNetty(namespace));
	}

	/** The adapters of every namespace known so far. */
	public Collection<NamespaceAdapter> adapters() {
		return List.copyOf(this.adapters.values());
	}

	private NamespaceAdapter adapterOf(String nettyName) {
		NamespaceAdapter adapter = this.adapters.get(nettyName);
		return (adapter != null) ? adapter : this.adapters.computeIfAbsent(nettyName, this::createAdapter);
	}

	private NamespaceAdapter createAdapter(String nettyName) {
		SharedPacketEncoder encoder = this.sharedPackets;
		if (encoder == null) {
			throw new IllegalStateException("The Socket.IO server has not started");
		}
		NamespaceAdapter adapter = new NamespaceAdapter(NamespaceNames.toSocketIo(nettyName),
				new LocalSockets(namespace(nettyName), encoder), this.settings, this.roomSubscriber, this.requestTimer);
		adapter.subscribe();
		this.settings.observer().adapterCreated(adapter);
		return adapter;
	}

	private Namespace namespace(String nettyName) {
		NamespacesHub hub = this.namespaces;
		Namespace namespace = (hub != null) ? hub.get(nettyName) : null;
		if (namespace == null) {
			throw new IllegalStateException("The Socket.IO server has no namespace '"
					+ NamespaceNames.toSocketIo(nettyName) + "' (add it with SocketIOServer.addNamespace)");
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
		BroadcastOptions options = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER);
		// netty-socketio broadcasts to a whole namespace as a room named after it
		if (!dispatch.getRoom().equals(nettyName)) {
			options = options.to(dispatch.getRoom());
		}
		List<Object> args = (packet.getData() != null) ? packet.getData() : List.of();
		adapterOf(nettyName).publish(BroadcastPacket.event(NamespaceNames.toSocketIo(nettyName), packet.getName(), args),
				options);
	}

	/**
	 * Local sockets joined rooms. netty-socketio joins every client to a room named after its namespace when it
	 * connects: that is when the client also joins the room named by its id.
	 */
	void onJoin(String nettyName, UUID sessionId, Set<String> rooms) {
		NamespaceAdapter adapter = adapterOf(nettyName);
		String socketId = sessionId.toString();
		for (String room : rooms) {
			if (room.equals(nettyName)) {
				namespace(nettyName).join(socketId, sessionId);
				adapter.onJoin(socketId, socketId);
			}
			else {
				adapter.onJoin(room, socketId);
			}
		}
	}

	/** Local sockets left rooms; on disconnect, all of them (including its own). */
	void onLeave(String nettyName, UUID sessionId, Set<String> rooms) {
		NamespaceAdapter adapter = this.adapters.get(nettyName);
		if (adapter == null) {
			return;
		}
		for (String room : rooms) {
			if (!room.equals(nettyName)) {
				adapter.onLeave(room, sessionId.toString());
			}
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
		this.roomSubscriber.shutdown();
		this.requestTimer.shutdown();
	}

}
