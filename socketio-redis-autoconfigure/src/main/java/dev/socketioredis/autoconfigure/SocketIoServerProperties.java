package dev.socketioredis.autoconfigure;

import java.time.Duration;

import com.corundumstudio.socketio.AckMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the embedded netty-socketio server.
 */
@ConfigurationProperties("socketio.server")
public class SocketIoServerProperties {

	/**
	 * Whether to run a Socket.IO server. Without it the application can still publish through the Emitter.
	 */
	private boolean enabled = true;

	/**
	 * Whether to start the server with the application context.
	 */
	private boolean autoStartup = true;

	/**
	 * Address to bind to. Every interface when not set.
	 */
	private @Nullable String host;

	/**
	 * Port to listen on; 0 picks a free port, published as 'local.socketio.server.port'.
	 */
	private int port = 9092;

	/**
	 * Path Socket.IO is served under.
	 */
	private String context = "/socket.io";

	/**
	 * Value of the Access-Control-Allow-Origin header. The request's own origin when not set.
	 */
	private @Nullable String origin;

	/**
	 * Interval between Engine.IO pings.
	 */
	private Duration pingInterval = Duration.ofSeconds(25);

	/**
	 * Time without a pong after which a client is considered gone.
	 */
	private Duration pingTimeout = Duration.ofSeconds(20);

	/**
	 * How many bytes may wait to be written to one websocket client. A client past it reads too slowly to keep up
	 * (or stopped reading): it is disconnected, rather than its backlog kept in memory until its ping timeout.
	 */
	private DataSize maxPendingWriteBytes = DataSize.ofMegabytes(8);

	/**
	 * When a client's acknowledgement request is answered. "manual", as Socket.IO: only when the listener sends the
	 * ack, whenever it does (after an asynchronous operation, too). netty-socketio's "auto" and "auto-success-only"
	 * answer with no arguments as soon as the listener returns without having sent it.
	 */
	private AckMode ackMode = AckMode.MANUAL;

	/**
	 * Whether to compress websocket messages (permessage-deflate) for clients that offer it, as browsers do. Off, as
	 * Node's Socket.IO ships (its engine.io's perMessageDeflate is false): compressing costs CPU on every message to
	 * every client, and Socket.IO messages are small. netty-socketio's own default is on.
	 */
	private boolean websocketCompression;

	/**
	 * How many event loops the node runs: threads that carry the clients' connections and the adapter's Redis
	 * connections together, in place of netty-socketio's boss and worker threads and Lettuce's I/O threads. Default:
	 * one per processor the JVM sees (its container's CPU limit, or -XX:ActiveProcessorCount).
	 */
	private @Nullable Integer eventLoopThreads;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getContext() {
		return this.context;
	}

	public void setContext(String context) {
		this.context = context;
	}

	public @Nullable String getOrigin() {
		return this.origin;
	}

	public void setOrigin(@Nullable String origin) {
		this.origin = origin;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		this.pingInterval = pingInterval;
	}

	public Duration getPingTimeout() {
		return this.pingTimeout;
	}

	public void setPingTimeout(Duration pingTimeout) {
		this.pingTimeout = pingTimeout;
	}

	public DataSize getMaxPendingWriteBytes() {
		return this.maxPendingWriteBytes;
	}

	public void setMaxPendingWriteBytes(DataSize maxPendingWriteBytes) {
		this.maxPendingWriteBytes = maxPendingWriteBytes;
	}

	public boolean isWebsocketCompression() {
		return this.websocketCompression;
	}

	public void setWebsocketCompression(boolean websocketCompression) {
		this.websocketCompression = websocketCompression;
	}

	public AckMode getAckMode() {
		return this.ackMode;
	}

	public void setAckMode(AckMode ackMode) {
		this.ackMode = ackMode;
	}

	public @Nullable Integer getEventLoopThreads() {
		return this.eventLoopThreads;
	}

	public void setEventLoopThreads(@Nullable Integer eventLoopThreads) {
		this.eventLoopThreads = eventLoopThreads;
	}

}
