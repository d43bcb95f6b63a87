package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.namespace.NamespacesHub;
import dev.socketioredis.transport.SharedPacketEncoder;
import org.jspecify.annotations.Nullable;

/**
 * The engines of the running server's namespaces, one each, made on first use with a transport of their own, and
 * closed with the server. Namespaces are known by their netty-socketio name ({@code ""} for {@code /}).
 */
public class NamespaceRegistry {

	private final EngineSettings settings;

	private final ClusterTransport.Factory transports;

	private final Map<String, NamespaceAdapter> adapters = new ConcurrentHashMap<>();

	/** Deadlines of pending requests. */
	private final ScheduledExecutorService requestTimer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "socketio-redis-request-timer");
		thread.setDaemon(true);
		return thread;
	});

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
		engine.start();
		this.settings.observer().adapterCreated(engine);
		return new NamespaceAdapter(engine, this.settings.requestsTimeout());
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
	}

}
