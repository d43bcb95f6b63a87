package dev.socketioredis.autoconfigure;

import java.time.Duration;

import dev.socketioredis.protocol.SubscriptionMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Redis cluster adapter and the emitter. The Redis connection itself is Spring Boot's
 * ('spring.data.redis.*').
 */
@ConfigurationProperties("socketio.redis")
public class SocketIoRedisProperties {

	/**
	 * Whether to cluster through Redis and provide the Emitter.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of every channel name, the 'key' option of the Node adapter and emitter. Every node and emitter of one
	 * cluster must use the same.
	 */
	private String key = "socket.io";

	/**
	 * Which pub/sub carries the cluster's messages: 'classic' (Redis pub/sub, the protocol of Node's createAdapter and
	 * of @socket.io/redis-emitter) or 'sharded' (Redis 7 sharded pub/sub, the protocol of Node's createShardedAdapter,
	 * whose traffic a Redis Cluster spreads over its shards; needs Redis 7.0 or later and Lettuce). Every node and
	 * emitter of one cluster must use the same.
	 */
	private Transport transport = Transport.CLASSIC;

	/**
	 * With the sharded transport, which rooms get a shard channel of their own (Node's 'subscriptionMode'): 'static'
	 * (none: every node receives every broadcast), 'dynamic' (every room but the sockets' own rooms; netty-socketio's
	 * socket ids are not Socket.IO's 20 characters, so a Java node subscribes to its sockets' rooms too) or
	 * 'dynamic-private' (every room). Every node and emitter of one cluster must use the same.
	 */
	private SubscriptionMode subscriptionMode = SubscriptionMode.DYNAMIC;

	/**
	 * With the classic transport, whether to subscribe to the channel of each room with a local member (and to the
	 * namespace channel) rather than to every channel of the namespace. Same channels on the wire; a node no longer
	 * receives the traffic of rooms it does not host, at the cost of one subscription per room. The sharded
	 * transport's subscription modes take its place there.
	 */
	private boolean channelMultiplexing;

	/**
	 * How long a cluster request (fetchSockets, allRooms, serverSideEmitWithAck) waits for the other nodes' answers.
	 */
	private Duration requestsTimeout = Duration.ofSeconds(5);

	/**
	 * Whether to answer other nodes' requests on the requester's own response channel rather than on the common one,
	 * so that each node receives only the answers meant for it. Acknowledgements of server-side emits always use the
	 * common channel, as in Node.
	 */
	private boolean publishOnSpecificResponseChannel;

	/**
	 * How long the Redis client waits between two attempts to reconnect after losing its connection (Lettuce's own
	 * default doubles up to 30 s, so delivery would come back up to 30 s after Redis does). Applies to Spring Boot's
	 * Lettuce client, which the application shares.
	 */
	private Duration reconnectDelay = Duration.ofMillis(500);

	/**
	 * Whether the Redis client refuses commands while it is disconnected, instead of queueing them, without bound,
	 * until it reconnects (Lettuce's default). Refused, a broadcast made during an outage reaches the local clients
	 * only and is counted in 'socketio.redis.publish.failures'; health reports DOWN at once and shutdown does not wait
	 * for Redis. Applies to Spring Boot's Lettuce client, which the application shares.
	 */
	private boolean rejectCommandsWhileDisconnected = true;

	/**
	 * Whether Spring Boot's observation of every Lettuce command (a timer, and a span when tracing is on) also covers
	 * the adapter's PUBLISH and SPUBLISH commands, one per broadcast. The adapter's own meters count them already; the
	 * application's commands are observed either way.
	 */
	private boolean observePublishes;

	/**
	 * Whether the adapter's Redis connections run on the node's event loops (socketio.server.event-loop-threads), with
	 * the clients' connections: a message from Redis is then written to the clients of its loop without a thread
	 * hand-off. They are the adapter's own connections, made like the application's; the application's Redis calls
	 * keep Lettuce's loops. Off: the adapter uses the application's connection factory and its loops.
	 */
	private boolean sharedEventLoops = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Transport getTransport() {
		return this.transport;
	}

	public void setTransport(Transport transport) {
		this.transport = transport;
	}

	public SubscriptionMode getSubscriptionMode() {
		return this.subscriptionMode;
	}

	public void setSubscriptionMode(SubscriptionMode subscriptionMode) {
		this.subscriptionMode = subscriptionMode;
	}

	public boolean isChannelMultiplexing() {
		return this.channelMultiplexing;
	}

	public void setChannelMultiplexing(boolean channelMultiplexing) {
		this.channelMultiplexing = channelMultiplexing;
	}

	public Duration getRequestsTimeout() {
		return this.requestsTimeout;
	}

	public void setRequestsTimeout(Duration requestsTimeout) {
		this.requestsTimeout = requestsTimeout;
	}

	public boolean isPublishOnSpecificResponseChannel() {
		return this.publishOnSpecificResponseChannel;
	}

	public void setPublishOnSpecificResponseChannel(boolean publishOnSpecificResponseChannel) {
		this.publishOnSpecificResponseChannel = publishOnSpecificResponseChannel;
	}

	public Duration getReconnectDelay() {
		return this.reconnectDelay;
	}

	public void setReconnectDelay(Duration reconnectDelay) {
		this.reconnectDelay = reconnectDelay;
	}

	public boolean isRejectCommandsWhileDisconnected() {
		return this.rejectCommandsWhileDisconnected;
	}

	public void setRejectCommandsWhileDisconnected(boolean rejectCommandsWhileDisconnected) {
		this.rejectCommandsWhileDisconnected = rejectCommandsWhileDisconnected;
	}

	public boolean isObservePublishes() {
		return this.observePublishes;
	}

	public void setObservePublishes(boolean observePublishes) {
		this.observePublishes = observePublishes;
	}

	public String getKey() {
		return this.key;
	}

	public void setKey(String key) {
		this.key = key;
	}

	public boolean isSharedEventLoops() {
		return this.sharedEventLoops;
	}

	public void setSharedEventLoops(boolean sharedEventLoops) {
		this.sharedEventLoops = sharedEventLoops;
	}

	/** The pub/sub a cluster's messages travel on. */
	public enum Transport {

		/** Redis pub/sub ({@code PUBLISH}, {@code PSUBSCRIBE}), the protocol of Node's {@code createAdapter}. */
		CLASSIC,

		/**
		 * Redis 7 sharded pub/sub ({@code SPUBLISH}, {@code SSUBSCRIBE}), the protocol of Node's
		 * {@code createShardedAdapter}.
		 */
		SHARDED

	}

}
