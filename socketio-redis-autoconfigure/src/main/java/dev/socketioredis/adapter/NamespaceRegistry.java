package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import dev.socketioredis.transport.SharedPacketEncoder;
import io.netty.util.internal.ThreadExecutorMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of the running server's namespaces, one each, made on first use with a transport of their own, and
 * closed with the server. Namespaces are known by their netty-socketio name ({@code ""} for {@code /}).
 */
public class NamespaceRegistry {

	private static final Logger logger = LoggerFactory.getLogger(NamespaceRegistry.class);

	private final EngineSettings settings;

	private final ClusterTransport.Factory transports;

	private final Map<String, NamespaceAdapter> adapters = new ConcurrentHashMap<>();

	/** Deadlines of pending requests. */
	private final ScheduledExecutorService requestTimer = Executors
		.newSingleThreadScheduledExecutor(daemonThread("socketio-redis-request-timer"));

	/**
	 * Starts the engines made on a Netty event loop: a namespace added after the server started gets its engine when
	 * its first socket connects, on that socket's loop. An engine's start returns once Redis confirmed its SUBSCRIBEs,
	 * and Redis answers on the node's loops: waiting on one could wait for itself (with one loop, always did, until
	 * Lettuce's command timeout, and every client of the node with it).
	 */
	private final ExecutorService loopStarts = Executors.newSingleThreadExecutor(
			daemonThread("socketio-redis-namespace-start"));

	/** Whether the last start on {@link #loopStarts} failed: a Redis outage is logged once, not per socket. */
	private final AtomicBoolean loopStartsFailing = new AtomicBoolean();

	private volatile @Nullable NamespacesHub namespaces;

	private volatile @Nullable SharedPacketEncoder sharedPackets;

	public NamespaceRegistry(EngineSettings settings, ClusterTransport.Factory transports) {
		this.settings = settings;
		this.transports = transports;
	}

	/** The server started: its namespaces get their engines now, later ones on first use. */
	void start(NamespacesHub namespaces, SharedPacketEncoder sharedPackets) {
		this.namespaces = namespaces;
		this.sharedPackets = sharedPackets;
		namespaces.getAllNamespaces().forEach((namespace) -> adapterOf(namespace.getName()));
	}

	/**
	 * The namespace in its Socket.IO form ({@code /}, {@code /admin}).
	 * @throws IllegalStateException before the server started, or for a namespace the server does not have
	 */
	public NamespaceAdapter adapter(String namespace) {
		return adapterOf(NamespaceNames.toNetty(namespace));
	}

	/** How every namespace known so far is doing. */
	public List<NamespaceMonitor> monitors() {
		return this.adapters.values().stream().map(NamespaceAdapter::monitor).toList();
	}

	NamespaceAdapter adapterOf(String nettyName) {
		NamespaceAdapter adapter = this.adapters.get(nettyName);
		return (adapter != null) ? adapter : this.adapters.computeIfAbsent(nettyName, this::create);
	}

	@Nullable NamespaceAdapter existing(String nettyName) {
		return this.adapters.get(nettyName);
	}

	private NamespaceAdapter create(String nettyName) {
		SharedPacketEncoder encoder = this.sharedPackets;
		if (encoder == null) {
			throw new IllegalStateException("The Socket.IO server has not started");
		}
		String name = NamespaceNames.toSocketIo(nettyName);
		String uid = AdapterUid.generate();
		NamespaceEngine engine = new NamespaceEngine(name, uid, new NettyLocalSockets(namespace(nettyName), encoder),
				this.transports.create(name, uid), this.settings, this.requestTimer);
		NamespaceAdapter adapter = new NamespaceAdapter(engine, this.settings.requestsTimeout());
		if (ThreadExecutorMap.currentExecutor() != null) {
			this.loopStarts.execute(() -> startOffTheLoop(nettyName, adapter));
		}
		else {
			start(engine);
		}
		return adapter;
	}

	private void start(NamespaceEngine engine) {
		engine.start();
		this.settings.observer().adapterCreated(engine);
	}

	/**
	 * Meanwhile the engine serves its local sockets and publishes; it takes part in the cluster once started. When
	 * Redis cannot be reached, it is forgotten, as one started on the caller's thread is: the namespace's next use
	 * makes another.
	 */
	private void startOffTheLoop(String nettyName, NamespaceAdapter adapter) {
		try {
			start(adapter.engine());
			this.loopStartsFailing.set(false);
		}
		catch (RuntimeException ex) {
			if (this.loopStartsFailing.compareAndSet(false, true)) {
				logger.warn("Namespace {} could not subscribe to Redis, it starts again on its next use: {}",
						adapter.engine().name(), ex.toString());
			}
			this.adapters.remove(nettyName, adapter);
			adapter.engine().close();
		}
	}

	Namespace namespace(String nettyName) {
		NamespacesHub hub = this.namespaces;
		Namespace namespace = (hub != null) ? hub.get(nettyName) : null;
		if (namespace == null) {
			throw new IllegalStateException("The Socket.IO server has no namespace '"
					+ NamespaceNames.toSocketIo(nettyName) + "' (add it with SocketIOServer.addNamespace)");
		}
		return namespace;
	}

	void close() {
		this.adapters.values().forEach((adapter) -> adapter.engine().close());
		this.adapters.clear();
		this.transports.close();
		this.requestTimer.shutdown();
		this.loopStarts.shutdownNow();
	}

	private static ThreadFactory daemonThread(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
