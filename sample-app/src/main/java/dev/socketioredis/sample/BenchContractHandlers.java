package dev.socketioredis.sample;

import java.util.Map;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import dev.socketioredis.adapter.SocketIoCluster;

import org.springframework.stereotype.Component;

/**
 * The benchmark contract ({@code bench/CONTRACT.md}) in the namespace of the sender:
 * <ul>
 * <li>{@code bcast {room, ...}}: emits {@code msg} with the same object to every socket of {@code room}, cluster-wide,
 * the sender included</li>
 * <li>{@code echo obj} with an ack: acknowledges with {@code obj}, locally</li>
 * </ul>
 * The broadcast goes through the starter's {@link SocketIoCluster}, which encodes the packet once for every local
 * recipient and publishes it once; netty-socketio's {@code getRoomOperations} would look the room up in every
 * namespace and encode the packet per client.
 */
@Component
class BenchContractHandlers implements NamespaceHandlers {

	private final SocketIoCluster cluster;

	BenchContractHandlers(SocketIoCluster cluster) {
		this.cluster = cluster;
	}

	@Override
	public void registerOn(SocketIONamespace namespace) {
		namespace.addEventListener("bcast", Map.class, this::broadcast);
		namespace.addEventListener("echo", Object.class, this::echo);
	}

	private void broadcast(SocketIOClient client, Map<?, ?> payload, AckRequest ack) {
		if (payload != null && payload.get("room") instanceof String room) {
			this.cluster.of(NamespaceHandlers.namespaceOf(client)).to(room).emit("msg", payload);
		}
		if (ack.isAckRequested()) {
			ack.sendAckData();
		}
	}

	private void echo(SocketIOClient client, Object payload, AckRequest ack) {
		if (ack.isAckRequested()) {
			ack.sendAckData(payload);
		}
	}

}
