package dev.socketioredis.adapter;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * A socket found by {@code fetchSockets()}, on this node or another, Java or Node. Its fields are a snapshot taken
 * when it was fetched; its methods act wherever the socket lives.
 *
 * @param id the socket id (a room of its own)
 * @param handshake headers, query, address, url, time, issued, secure, xdomain, auth
 * @param rooms the rooms it was in, its own included
 * @param data its {@code socket.data} ({@link SocketData} on Java nodes), or {@code null}
 */
public record RemoteSocket(String id, Map<String, @Nullable Object> handshake, List<String> rooms,
		@Nullable Object data, NamespaceAdapter adapter) {

	/** Emits to this socket only. */
	public CompletableFuture<Void> emit(String event, @Nullable Object... args) {
		return this.adapter.to(this.id).emit(event, args);
	}

	public CompletableFuture<Void> join(String... rooms) {
		return this.adapter.in(this.id).socketsJoin(rooms);
	}

	public CompletableFuture<Void> leave(String... rooms) {
		return this.adapter.in(this.id).socketsLeave(rooms);
	}

	/** Disconnects it from the namespace, or closes its whole connection when {@code close}. */
	public CompletableFuture<Void> disconnect(boolean close) {
		return this.adapter.in(this.id).disconnectSockets(close);
	}

}
