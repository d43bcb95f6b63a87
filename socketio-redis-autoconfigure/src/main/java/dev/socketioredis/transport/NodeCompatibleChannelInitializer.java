package dev.socketioredis.transport;

import java.lang.reflect.Field;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.ack.AckManager;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.handler.ClientsBox;
import com.corundumstudio.socketio.handler.PacketListener;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import com.corundumstudio.socketio.protocol.JsonSupport;
import com.corundumstudio.socketio.protocol.PacketDecoder;
import com.corundumstudio.socketio.protocol.PacketEncoder;
import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.transport.PollingTransport;
import com.corundumstudio.socketio.transport.WebSocketTransport;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * netty-socketio's channel initializer, changed where netty-socketio 2.0.14 does not behave as a Socket.IO 4 server.
 * Install it with {@code new NodeCompatibleChannelInitializer().installOn(server)} before the server starts; the
 * auto-configured server has it.
 * <ul>
 * <li>An Engine.IO v4 session becomes a socket of a namespace, {@code /} included, only when the client sends that
 * namespace's CONNECT packet ({@link ExplicitConnectAuthorizeHandler}, {@link InboundPacketHandler}); v3 sessions
 * keep the implicit {@code /} of their protocol. A session of no namespace is closed at its ping deadline
 * ({@link SessionsWithoutNamespace}).</li>
 * <li>Packets are written by {@link OutboundPacketHandler}: binary framed per Engine.IO version, broadcasts encoded
 * once, a websocket client that reads too slowly disconnected rather than buffered for without bound; so is a
 * long-polling client that polls too rarely for what it is sent ({@link PollingBacklogs}).</li>
 * <li>Engine.IO v3 base64 long-polling bodies reach the decoder as the client sent them
 * ({@link Base64PollingBodyHandler}).</li>
 * <li>HTTP responses say {@code Connection: close}, since netty-socketio closes the connection after each
 * ({@link ConnectionCloseHeader}).</li>
 * <li>Requests for unknown sessions, transports or methods are answered {@code 400} as Node does
 * ({@link SessionRequestGuard}); client faults are counted and logged without flooding the logs
 * ({@link ClientFaults}, when it is the configured exception listener).</li>
 * </ul>
 * netty-socketio keeps the session registry, the scheduler and the acknowledgement registry of its initializer
 * private, so the handlers that need them (handshake, both transports, inbound packets) are built here around this
 * initializer's own; netty-socketio still builds the rest (SSL, HTTP encoding).
 */
public class NodeCompatibleChannelInitializer extends SocketIOChannelInitializer {

	/** Name of the packet writer in each channel's pipeline. */
	public static final String PACKET_WRITER = "socketioRedisPacketWriter";

	/** Name of the handler that answers requests for unknown sessions, transports or methods. */
	public static final String SESSION_GUARD = "socketioRedisSessionGuard";

	/** Name of the handler that makes HTTP responses say the connection closes, as it does. */
	public static final String CONNECTION_CLOSE_HEADER = "socketioRedisConnectionClose";

	/** Name of the handler that keeps Engine.IO v3 base64 polling bodies intact. */
	public static final String BASE64_POLLING_BODY = "socketioRedisBase64PollingBody";

	/** Default of {@link #NodeCompatibleChannelInitializer(long, JsonSupport)}. */
	public static final long DEFAULT_MAX_PENDING_WRITE_BYTES = 8L * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(NodeCompatibleChannelInitializer.class);

	private static final Base64PollingBodyHandler BASE64_POLLING_BODY_HANDLER = new Base64PollingBodyHandler();

	private static final ConnectionCloseHeader CONNECTION_CLOSE_HEADER_HANDLER = new ConnectionCloseHeader();

	private final long maxPendingWriteBytes;

	private final ClientsBox sessions = new ClientsBox();

	private @Nullable Handlers handlers;

	private final @Nullable JsonSupport packetReader;

	private final @Nullable Timer sharedTimer;

	public NodeCompatibleChannelInitializer() {
		this(DEFAULT_MAX_PENDING_WRITE_BYTES, null, null);
	}

	/**
	 * @param maxPendingWriteBytes how many bytes may wait to be written to one client before it is disconnected as too
	 * slow
	 * @param packetReader the JSON support the server was configured with, to read clients' packets with: the
	 * server's own copy of its configuration wraps it in a {@code JsonSupportWrapper}, which logs every unreadable
	 * packet at ERROR with a stack trace; {@code null} for that wrapped one
	 * @param timer what the server's timeouts run on (ping deadlines, acknowledgement timeouts, the polling backlog
	 * sweep), which it does not stop, such as the node's event loops' ({@code EventLoopTimer}); {@code null} for a
	 * thread of its own, started with the server and stopped with it
	 */
	public NodeCompatibleChannelInitializer(long maxPendingWriteBytes, @Nullable JsonSupport packetReader,
			@Nullable Timer timer) {
		this.maxPendingWriteBytes = maxPendingWriteBytes;
		this.packetReader = packetReader;
		this.sharedTimer = timer;
		// its handlers schedule on the given timer, or on one this initializer makes when the server starts
		stopTimerOf(this);
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		super.handlerAdded(ctx);
		started().scheduler().update(ctx);
	}

	@Override
	public void start(Configuration configuration, NamespacesHub namespacesHub) {
		super.start(configuration, namespacesHub);
		Timer timer = (this.sharedTimer != null) ? this.sharedTimer
				: new HashedWheelTimer(new DefaultThreadFactory("socketio-timer", true));
		CancelableScheduler scheduler = new TimerScheduler(timer);
		AckManager acknowledgements = new AckManager(scheduler);
		PacketDecoder decoder = new PacketDecoder(
				(this.packetReader != null) ? this.packetReader : configuration.getJsonSupport(), acknowledgements);
		SessionsWithoutNamespace withoutNamespace = new SessionsWithoutNamespace(scheduler,
				configuration.getPingInterval() + configuration.getPingTimeout(), this::release);
		ExplicitConnectAuthorizeHandler authorizer = new ExplicitConnectAuthorizeHandler(
				configuration.getContext() + "/", scheduler, configuration, namespacesHub,
				configuration.getStoreFactory(), this, acknowledgements, this.sessions, withoutNamespace);
		PollingTransport polling = new PollingTransport(decoder, authorizer, this.sessions);
		WebSocketTransport websocket = new WebSocketTransport(configuration.getKeyStore() != null, authorizer,
				configuration, scheduler, this.sessions);
		InboundPacketHandler inbound = new InboundPacketHandler(decoder, namespacesHub,
				new PacketListener(acknowledgements, namespacesHub, polling, scheduler), scheduler,
				withoutNamespace, configuration);
		ClientFaults faults = (configuration.getExceptionListener() instanceof ClientFaults configured) ? configured
				: new ClientFaults();
		OutboundPacketHandler outbound = new OutboundPacketHandler(configuration,
				new PacketEncoder(configuration, configuration.getJsonSupport()), this.maxPendingWriteBytes, faults);
		SessionRequestGuard guard = new SessionRequestGuard(configuration.getContext() + "/", this.sessions, faults);
		PollingBacklogs pollingBacklogs = new PollingBacklogs(namespacesHub, this.maxPendingWriteBytes, faults, timer);
		pollingBacklogs.start();
		this.handlers = new Handlers(timer, scheduler, acknowledgements, guard, authorizer, withoutNamespace, polling,
				websocket, inbound, outbound, pollingBacklogs);
	}

	@Override
	protected void addSocketioHandlers(ChannelPipeline pipeline) {
		super.addSocketioHandlers(pipeline);
		Handlers handlers = started();
		pipeline.replace(PACKET_HANDLER, PACKET_HANDLER, handlers.inbound());
		pipeline.replace(AUTHORIZE_HANDLER, AUTHORIZE_HANDLER, handlers.authorizer());
		pipeline.addBefore(AUTHORIZE_HANDLER, SESSION_GUARD, handlers.guard());
		pipeline.replace(XHR_POLLING_TRANSPORT, XHR_POLLING_TRANSPORT, handlers.polling());
		pipeline.addBefore(XHR_POLLING_TRANSPORT, BASE64_POLLING_BODY, BASE64_POLLING_BODY_HANDLER);
		pipeline.replace(WEB_SOCKET_TRANSPORT, WEB_SOCKET_TRANSPORT, handlers.websocket());
		// outbound messages travel from the tail: placed after the encoder, this handler sees packets first
		pipeline.addAfter(SOCKETIO_ENCODER, PACKET_WRITER, handlers.outbound());
		// and this one sees every HTTP response before it is encoded
		pipeline.addAfter(HTTP_ENCODER, CONNECTION_CLOSE_HEADER, CONNECTION_CLOSE_HEADER_HANDLER);
	}

	/**
	 * A session left its last namespace. Closed, it is forgotten now; still open, it stays until the client closes it
	 * or its ping deadline passes, so that what was queued for it (the DISCONNECT packets) still reaches it.
	 */
	@Override
	public void onDisconnect(ClientHead client) {
		if (client.isConnected()) {
			started().withoutNamespace().watch(client);
		}
		else {
			release(client);
		}
	}

	private void release(ClientHead client) {
		started().withoutNamespace().forget(client);
		started().acknowledgements().onDisconnect(client);
		started().authorizer().onDisconnect(client);
		super.onDisconnect(client);
	}

	/**
	 * Makes this the channel initializer of a server that has not started, in place of the one the server made when
	 * it was constructed.
	 */
	public void installOn(SocketIOServer server) {
		try {
			Field initializerField = SocketIOServer.class.getDeclaredField("pipelineFactory");
			initializerField.setAccessible(true);
			if (initializerField.get(server) instanceof SocketIOChannelInitializer replaced) {
				stopTimerOf(replaced);
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not reach netty-socketio's own channel initializer: {}", ex.toString());
		}
		server.setPipelineFactory(this);
	}

	/**
	 * netty-socketio's initializer makes a timer when it is constructed, which no handler of this one uses. Never
	 * started, it must still be stopped, or Netty's leak detector reports it (at ERROR) once the garbage collector
	 * finds it; netty-socketio keeps it private, so it is stopped through its field. Should the field change in
	 * another netty-socketio version, the leak report is all that is lost.
	 */
	private static void stopTimerOf(SocketIOChannelInitializer initializer) {
		try {
			Field schedulerField = SocketIOChannelInitializer.class.getDeclaredField("scheduler");
			schedulerField.setAccessible(true);
			if (schedulerField.get(initializer) instanceof CancelableScheduler scheduler) {
				scheduler.shutdown();
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not stop the timer of netty-socketio's channel initializer: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		super.stop();
		Handlers handlers = this.handlers;
		if (handlers != null) {
			handlers.pollingBacklogs().stop();
			handlers.scheduler().shutdown();
			if (handlers.timer() != this.sharedTimer) {
				handlers.timer().stop();
			}
		}
	}

	private Handlers started() {
		Handlers handlers = this.handlers;
		if (handlers == null) {
			throw new IllegalStateException("The Socket.IO server has not started");
		}
		return handlers;
	}

	private record Handlers(Timer timer, CancelableScheduler scheduler, AckManager acknowledgements,
			SessionRequestGuard guard, ExplicitConnectAuthorizeHandler authorizer,
			SessionsWithoutNamespace withoutNamespace, PollingTransport polling, WebSocketTransport websocket,
			InboundPacketHandler inbound, OutboundPacketHandler outbound, PollingBacklogs pollingBacklogs) {
	}

}
