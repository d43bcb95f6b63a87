package dev.socketioredis.sample;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import dev.socketioredis.adapter.BroadcastOperator;
import dev.socketioredis.adapter.NamespaceAdapter;
import dev.socketioredis.adapter.RemoteSocket;
import dev.socketioredis.adapter.SocketIoCluster;
import dev.socketioredis.emitter.Emitter;

import org.springframework.stereotype.Component;

/**
 * The client events of {@code bench/CLUSTER-HOOKS.md}: each runs one cluster-wide operation of the starter in the
 * namespace of the sender and acknowledges with its outcome, so that an external test can drive the adapter of any
 * node from a client. Failures are acknowledged as {@code {error}} ({@link Acks}), never dropped.
 */
@Component
class ClusterHookHandlers implements NamespaceHandlers {

	private final SocketIoCluster cluster;

	private final Emitter emitter;

	ClusterHookHandlers(SocketIoCluster cluster, Emitter emitter) {
		this.cluster = cluster;
		this.emitter = emitter;
	}

	@Override
	public void registerOn(SocketIONamespace namespace) {
		on(namespace, "cluster:emit", this::emit);
		on(namespace, "cluster:emitter", this::emitThroughEmitter);
		on(namespace, "cluster:fetch", this::fetch);
		on(namespace, "cluster:allRooms", this::allRooms);
		on(namespace, "cluster:join", this::join);
		on(namespace, "cluster:leave", this::leave);
		on(namespace, "cluster:disconnect", this::disconnect);
		on(namespace, "cluster:whoami", this::whoami);
		on(namespace, "cluster:ask", this::ask);
		on(namespace, "cluster:serverSideEmit", this::serverSideEmit);
		on(namespace, "cluster:count", this::count);
	}

	private void on(SocketIONamespace namespace, String event, Hook hook) {
		namespace.addEventListener(event, Map.class, (client, payload, ack) -> Acks.reply(ack, run(hook, client,
				new HookPayload(payload))));
	}

	private CompletableFuture<?> run(Hook hook, SocketIOClient client, HookPayload payload) {
		try {
			return hook.run(this.cluster.of(NamespaceHandlers.namespaceOf(client)), payload);
		}
		catch (RuntimeException ex) { // a bad payload or a reserved event name, before anything was sent
			return CompletableFuture.failedFuture(ex);
		}
	}

	private CompletableFuture<Boolean> emit(NamespaceAdapter namespace, HookPayload payload) {
		BroadcastOperator operator = namespace.to(payload.rooms("rooms")).except(payload.rooms("except"));
		if (payload.flag("volatile")) {
			operator = operator.asVolatile();
		}
		return operator.emit(payload.event(), payload.argsWithBinary()).thenApply((published) -> true);
	}

	private CompletableFuture<Boolean> emitThroughEmitter(NamespaceAdapter namespace, HookPayload payload) {
		Emitter operator = this.emitter.of(namespace.name())
			.to(payload.rooms("rooms"))
			.except(payload.rooms("except"));
		if (payload.flag("volatile")) {
			operator = operator.asVolatile();
		}
		return operator.emit(payload.event(), payload.argsWithBinary()).thenApply((published) -> true);
	}

	private CompletableFuture<List<Map<String, Object>>> fetch(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.in(payload.rooms("rooms"))
			.except(payload.rooms("except"))
			.fetchSockets()
			.thenApply((sockets) -> sockets.stream()
				.sorted(Comparator.comparing(RemoteSocket::id))
				.map(ClusterHookHandlers::describe)
				.toList());
	}

	private static Map<String, Object> describe(RemoteSocket socket) {
		Map<String, Object> description = new LinkedHashMap<>(); // data may be null
		description.put("id", socket.id());
		description.put("rooms", socket.rooms());
		description.put("data", socket.data());
		return description;
	}

	private CompletableFuture<List<String>> allRooms(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.allRooms().thenApply((rooms) -> rooms.stream().sorted().toList());
	}

	private CompletableFuture<Boolean> join(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.in(payload.rooms("rooms"))
			.except(payload.rooms("except"))
			.socketsJoin(payload.rooms("join"))
			.thenApply((done) -> true);
	}

	private CompletableFuture<Boolean> leave(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.in(payload.rooms("rooms"))
			.except(payload.rooms("except"))
			.socketsLeave(payload.rooms("leave"))
			.thenApply((done) -> true);
	}

	private CompletableFuture<Boolean> disconnect(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.in(payload.rooms("rooms"))
			.except(payload.rooms("except"))
			.disconnectSockets(payload.flag("close"))
			.thenApply((done) -> true);
	}

	private CompletableFuture<List<String>> whoami(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.serverSideEmitWithAck(payload.timeout(), "whoami")
			.thenApply((ids) -> ids.stream().map(String::valueOf).sorted().toList());
	}

	private CompletableFuture<List<Object>> ask(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.to(payload.rooms("rooms")).timeout(payload.timeout()).emitWithAck(payload.event(),
				payload.args());
	}

	private CompletableFuture<Boolean> serverSideEmit(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.serverSideEmit(payload.event(), payload.args()).thenApply((published) -> true);
	}

	private CompletableFuture<Integer> count(NamespaceAdapter namespace, HookPayload payload) {
		return namespace.in(payload.rooms("rooms")).countSockets();
	}

	/** One cluster hook: the operation, given the sender's namespace adapter. */
	@FunctionalInterface
	private interface Hook {

		CompletableFuture<?> run(NamespaceAdapter namespace, HookPayload payload);

	}

}
