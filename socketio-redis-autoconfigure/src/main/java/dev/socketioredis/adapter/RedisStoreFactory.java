package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.corundumstudio.socketio.handler.AuthorizeHandler;
import com.corundumstudio.socketio.handler.ClientHead;
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

/**
 * Plugs the cluster adapter into netty-socketio through its only clustering hook: it starts the
 * {@link NamespaceRegistry} with the server, carries the broadcasts made with netty-socketio's own API to the other
 * nodes, tells the engines of joins and leaves, and puts every client in a room named by its session id, as
 * Socket.IO does.
 *
 * <p>
 * Sessions stay in memory ({@link MemoryStore}): Socket.IO sessions are node-local, hence sticky sessions for
 * long-polling.
 */
public class RedisStoreFactory implements StoreFactory {

	private final NamespaceRegistry registry;

	private final PubSubStore bridge = new NettyPubSubBridge(this);

	public RedisStoreFactory(NamespaceRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void init(NamespacesHub namespacesHub, AuthorizeHandler authorizeHandler, JsonSupport jsonSupport) {
		this.registry.start(namespacesHub, new SharedPacketEncoder(jsonSupport));
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
		this.registry.adapterOf(nettyName)
			.engine()
			.publish(BroadcastPacket.event(NamespaceNames.toSocketIo(nettyName), packet.getName(), args), options);
	}

	/**
	 * Local sockets joined rooms. netty-socketio joins every client to a room named after its namespace when it
	 * connects: that is when the client also joins the room named by its id.
	 */
	void onJoin(String nettyName, UUID sessionId, Set<String> rooms) {
		NamespaceEngine engine = this.registry.adapterOf(nettyName).engine();
		String socketId = sessionId.toString();
		for (String room : rooms) {
			if (room.equals(nettyName)) {
				this.registry.namespace(nettyName).join(socketId, sessionId);
				engine.onJoin(socketId, socketId);
			}
			else {
				engine.onJoin(room, socketId);
			}
		}
	}

	/** Local sockets left rooms; on disconnect, all of them (including its own). */
	void onLeave(String nettyName, UUID sessionId, Set<String> rooms) {
		NamespaceAdapter adapter = this.registry.existing(nettyName);
		if (adapter == null) {
			return;
		}
		for (String room : rooms) {
			if (!room.equals(nettyName)) {
				adapter.engine().onLeave(room, sessionId.toString());
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
		this.registry.close();
	}

}
