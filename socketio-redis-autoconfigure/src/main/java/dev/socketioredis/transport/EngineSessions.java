package dev.socketioredis.transport;

import java.util.List;

import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;

/**
 * Server-side disconnects as Socket.IO 4 makes them. netty-socketio's {@code NamespaceClient.disconnect()} sends the
 * DISCONNECT packet but leaves the socket in its namespace and rooms until the connection closes, and
 * {@code ClientHead.disconnect()} sends the DISCONNECT packet of {@code /} only, whatever namespaces the session has.
 */
public final class EngineSessions {

	private EngineSessions() {
	}

	/**
	 * Node's {@code socket.disconnect()}: the client is told, then the socket leaves its namespace and rooms and the
	 * namespace's disconnect listeners run. The session's other namespaces stay connected.
	 */
	public static void disconnect(NamespaceClient socket) {
		socket.disconnect();
		socket.onDisconnect();
	}

	/**
	 * Node's {@code socket.disconnect(true)}: every socket of the session is disconnected, then its connection is
	 * closed.
	 */
	public static void disconnectAll(ClientHead session) {
		for (Namespace namespace : List.copyOf(session.getNamespaces())) {
			NamespaceClient socket = session.getChildClient(namespace);
			if (socket != null) {
				disconnect(socket);
			}
		}
		close(session);
	}

	/**
	 * Closes the Engine.IO connection: a CLOSE packet (queued for a long-polling client, which takes it with its next
	 * poll), then the channel.
	 */
	static void close(ClientHead session) {
		if (!session.isConnected()) {
			return;
		}
		ChannelFuture written = session.send(new Packet(PacketType.CLOSE, session.getEngineIOVersion()));
		if (written != null) {
			written.addListener(ChannelFutureListener.CLOSE);
		}
		session.onChannelDisconnect();
	}

}
