package dev.socketioredis.transport;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.DisconnectableHub;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.AuthorizeHandler;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.store.StoreFactory;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * netty-socketio's handshake handler without its implicit connection to {@code /}. netty-socketio 2.0.14 makes every
 * session a socket of the default namespace, and runs its connect listeners, as soon as a transport binds. Socket.IO
 * 4 does that only when the client sends the CONNECT packet of {@code /} ({@link InboundPacketHandler}); until then
 * the session is a socket of no namespace. Engine.IO v3 sessions (socket.io-client 2.x) keep the implicit {@code /}:
 * that is the rule of their protocol.
 */
@Sharable
final class ExplicitConnectAuthorizeHandler extends AuthorizeHandler {

	private final SessionsWithoutNamespace withoutNamespace;

	ExplicitConnectAuthorizeHandler(String connectPath, CancelableScheduler scheduler, Configuration configuration,
			NamespacesHub namespaces, StoreFactory storeFactory, DisconnectableHub disconnectable,
			AckManager acknowledgements, ClientsBox sessions, SessionsWithoutNamespace withoutNamespace) {
		super(connectPath, scheduler, configuration, namespaces, storeFactory, disconnectable, acknowledgements,
				sessions);
		this.withoutNamespace = withoutNamespace;
	}

	/**
	 * A websocket's frames pass straight on. netty-socketio cancels a channel's first-data deadline on every message it
	 * reads, which for a websocket its upgrade request, an HTTP request, has done already: for each frame that was a
	 * key made and looked up in vain.
	 */
	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
		if (msg instanceof WebSocketFrame) {
			ctx.fireChannelRead(msg);
		}
		else {
			super.channelRead(ctx, msg);
		}
	}

	/** Called whenever a transport binds: the websocket, and every long-polling request. */
	@Override
	public void connect(ClientHead client) {
		if (!client.isConnected()) {
			return; // a closed session polling for what was queued before it closed
		}
		if (client.getEngineIOVersion() == EngineIOVersion.V4) {
			this.withoutNamespace.watch(client);
		}
		else {
			super.connect(client);
		}
	}

}
