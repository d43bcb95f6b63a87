package dev.socketioredis.transport;

import java.util.Map;

import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.ConnPacket;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketDecoder;
import com.corundumstudio.socketio.protocol.PacketType;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import com.corundumstudio.socketio.transport.NamespaceClient;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the packets of a client, in place of netty-socketio's {@code InPacketHandler}, which hands every packet,
 * Engine.IO's own included, to the session's socket of the packet's namespace, and so needs every session to be a
 * socket of {@code /}. Here:
 * <ul>
 * <li>Engine.IO packets (ping, pong, upgrade, close) belong to the session, whatever namespaces it has;</li>
 * <li>a CONNECT packet makes the session a socket of that namespace once the namespace's auth listeners accept it:
 * the reply is {@code {"sid": id}}, then the connect listeners run; a refused or unknown namespace is answered with
 * a CONNECT_ERROR and leaves no socket behind;</li>
 * <li>any other packet goes to netty-socketio's listener with the session's socket of that namespace, and is
 * dropped when the session is not connected to it.</li>
 * </ul>
 */
@Sharable
final class InboundPacketHandler extends SimpleChannelInboundHandler<PacketsMessage> {

	private static final Logger logger = LoggerFactory.getLogger(InboundPacketHandler.class);

	private static final String PROBE = "probe";

	private final PacketDecoder decoder;

	private final NamespacesHub namespaces;

	private final PacketListener listener;

	private final CancelableScheduler scheduler;

	private final SessionsWithoutNamespace withoutNamespace;

	private final Configuration configuration;

	InboundPacketHandler(PacketDecoder decoder, NamespacesHub namespaces, PacketListener listener,
			CancelableScheduler scheduler, SessionsWithoutNamespace withoutNamespace, Configuration configuration) {
		this.decoder = decoder;
		this.namespaces = namespaces;
		this.listener = listener;
		this.scheduler = scheduler;
		this.withoutNamespace = withoutNamespace;
		this.configuration = configuration;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, PacketsMessage message) throws Exception {
		ByteBuf content = message.getContent();
		ClientHead session = message.getClient();
		while (content.isReadable()) {
			Packet packet = this.decoder.decodePackets(content, session);
			if (packet.getType() == PacketType.MESSAGE) {
				onMessage(packet, session, message.getTransport());
			}
			else {
				onEnginePacket(packet, session, message.getTransport(), ctx.channel());
			}
		}
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
		if (!this.configuration.getExceptionListener().exceptionCaught(ctx, cause)) {
			super.exceptionCaught(ctx, cause);
		}
	}

	private void onEnginePacket(Packet packet, ClientHead session, Transport transport, Channel channel) {
		switch (packet.getType()) {
			case PING -> {
				Packet pong = new Packet(PacketType.PONG, session.getEngineIOVersion());
				pong.setData(packet.getData());
				session.send(pong, transport);
				if (PROBE.equals(packet.getData())) {
					// ends the pending poll, so that the client can upgrade, and the polls it makes until it does
					session.send(new Packet(PacketType.NOOP, session.getEngineIOVersion()), Transport.POLLING);
					if (transport == Transport.WEBSOCKET) {
						UpgradingPolls.answer(session, channel);
					}
				}
				else {
					session.schedulePingTimeout();
				}
				NamespaceClient root = rootSocket(session);
				if (root != null) {
					root.getNamespace().onPing(root);
				}
			}
			case PONG -> {
				session.schedulePingTimeout();
				NamespaceClient root = rootSocket(session);
				if (root != null) {
					root.getNamespace().onPong(root);
				}
			}
			case UPGRADE -> {
				session.schedulePingTimeout();
				this.scheduler.cancel(new SchedulerKey(SchedulerKey.Type.UPGRADE_TIMEOUT, session.getSessionId()));
				session.upgradeCurrentTransport(transport);
			}
			case CLOSE -> {
				session.onChannelDisconnect();
				this.withoutNamespace.closed(session);
			}
			default -> {
			}
		}
	}

	/** netty-socketio's ping and pong listeners are those of {@code /}, for the sessions that are its sockets. */
	private @Nullable NamespaceClient rootSocket(ClientHead session) {
		return session.getChildClient(this.namespaces.get(Namespace.DEFAULT_NAME));
	}

	private void onMessage(Packet packet, ClientHead session, Transport transport) {
		Namespace namespace = this.namespaces.get(packet.getNsp());
		if (packet.getSubType() == PacketType.CONNECT) {
			connect(namespace, packet, session, transport);
			return;
		}
		NamespaceClient socket = (namespace != null) ? session.getChildClient(namespace) : null;
		if (socket == null) {
			logger.debug("Dropped a packet of session {} for namespace '{}', which it is not connected to",
					session.getSessionId(), packet.getNsp());
			return;
		}
		if (packet.hasAttachments() && !packet.isAttachmentsLoaded()) {
			return; // the binary attachments follow in their own frames
		}
		this.listener.onPacket(packet, socket, transport);
	}

	private void connect(@Nullable Namespace namespace, Packet packet, ClientHead session, Transport transport) {
		if (namespace == null) {
			refuse(session, packet.getNsp(), connectError(session, "Invalid namespace"));
			return;
		}
		boolean v4 = session.getEngineIOVersion() == EngineIOVersion.V4;
		if (v4 && packet.getData() != null) {
			session.getHandshakeData().setAuthToken(packet.getData());
			AuthTokenResult result = namespace.onAuthData(
					new NamespaceClient(session, new UnlistedNamespace(namespace.getName(), this.configuration)),
					packet.getData());
			if (!result.isSuccess()) {
				refuse(session, packet.getNsp(), result.getErrorData());
				return;
			}
		}
		NamespaceClient socket = session.addNamespaceClient(namespace);
		this.withoutNamespace.forget(session);
		if (v4) {
			Packet reply = new Packet(PacketType.MESSAGE, session.getEngineIOVersion());
			reply.setSubType(PacketType.CONNECT);
			reply.setNsp(packet.getNsp());
			reply.setData(new ConnPacket(session.getSessionId()));
			session.send(reply);
		}
		// joins the socket to its own room and runs the connect listeners; answers a v3 client's CONNECT
		this.listener.onPacket(packet, socket, transport);
	}

	/** Socket.IO 4 explains a refusal in an object with a message; Socket.IO 2 in a string. */
	private static Object connectError(ClientHead session, String message) {
		return (session.getEngineIOVersion() == EngineIOVersion.V4) ? Map.of("message", message) : message;
	}

	private static void refuse(ClientHead session, String namespace, @Nullable Object reason) {
		Packet refusal = new Packet(PacketType.MESSAGE, session.getEngineIOVersion());
		refusal.setSubType(PacketType.ERROR);
		refusal.setNsp(namespace);
		if (reason != null) {
			refusal.setData(reason);
		}
		session.send(refusal);
	}

	/**
	 * The namespace of the socket an auth listener decides about: of the same name, but keeping no member, so that a
	 * refused socket is never listed, counted or written to.
	 */
	private static final class UnlistedNamespace extends Namespace {

		UnlistedNamespace(String name, Configuration configuration) {
			super(name, configuration);
		}

		@Override
		public void addClient(SocketIOClient client) {
		}

	}

}
