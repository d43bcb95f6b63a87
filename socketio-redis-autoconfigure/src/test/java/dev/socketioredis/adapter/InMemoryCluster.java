package dev.socketioredis.adapter;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory stand-in of Redis pub/sub for the engine's unit tests: every message published by one transport is
 * handed, in order, on one delivery thread, to every transport of the same namespace, the publisher's own included
 * (as Redis echoes it). A {@linkplain #silentTransport silent} node is counted but never answers.
 */
final class InMemoryCluster implements AutoCloseable {

	private final ExecutorService delivery = Executors.newSingleThreadExecutor();

	private final List<InMemoryTransport> transports = new CopyOnWriteArrayList<>();

	ClusterTransport transport(String namespace) {
		return transport(namespace, (response) -> {
		});
	}

	/** A transport that also tells of every response it hands its engine. */
	ClusterTransport transport(String namespace, Consumer<ClassicResponse> responses) {
		InMemoryTransport transport = new InMemoryTransport(namespace, false, responses);
		this.transports.add(transport);
		return transport;
	}

	/** A node that receives everything and answers nothing, as one that hangs. */
	void silentTransport(String namespace) {
		this.transports.add(new InMemoryTransport(namespace, true, (response) -> {
		}));
	}

	/** Hands every node of the namespace a message, as a sender outside the cluster (an emitter) would. */
	void deliver(String namespace, Consumer<ClusterTransport.Listener> message) {
		this.delivery.execute(() -> this.transports.stream()
			.filter((transport) -> transport.namespace.equals(namespace))
			.forEach((transport) -> transport.receive(message)));
	}

	@Override
	public void close() {
		this.delivery.shutdownNow();
	}

	private final class InMemoryTransport implements ClusterTransport {

		private final String namespace;

		private final boolean silent;

		private final Consumer<ClassicResponse> responses;

		private volatile @Nullable Listener listener;

		InMemoryTransport(String namespace, boolean silent, Consumer<ClassicResponse> responses) {
			this.namespace = namespace;
			this.silent = silent;
			this.responses = responses;
		}

		void receive(Consumer<Listener> message) {
			Listener listener = this.listener;
			if (listener != null && !this.silent) {
				message.accept(listener);
			}
		}

		@Override
		public void start(Listener listener) {
			this.listener = new Listener() {

				@Override
				public void onBroadcast(BroadcastMessage broadcast) {
					listener.onBroadcast(broadcast);
				}

				@Override
				public void onRequest(ClassicRequest request) {
					listener.onRequest(request);
				}

				@Override
				public void onResponse(ClassicResponse response) {
					InMemoryTransport.this.responses.accept(response);
					listener.onResponse(response);
				}

				@Override
				public void onUnreadable(AdapterObserver.MessageKind kind, String what, @Nullable Exception cause) {
					listener.onUnreadable(kind, what, cause);
				}

				@Override
				public boolean hostsRoom(String room) {
					return listener.hostsRoom(room);
				}

			};
		}

		@Override
		public CompletableFuture<Void> publish(BroadcastMessage broadcast) {
			return send((listener) -> listener.onBroadcast(broadcast));
		}

		@Override
		public CompletableFuture<Void> publish(ClassicRequest request) {
			return send((listener) -> listener.onRequest(request));
		}

		@Override
		public CompletableFuture<Void> publish(@Nullable String requesterUid, ClassicResponse response) {
			return send((listener) -> listener.onResponse(response));
		}

		private CompletableFuture<Void> send(Consumer<Listener> message) {
			deliver(this.namespace, message);
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Long> countNodes() {
			return CompletableFuture.completedFuture(
					InMemoryCluster.this.transports.stream().filter((t) -> t.namespace.equals(this.namespace)).count());
		}

		@Override
		public CompletableFuture<Boolean> isSubscribed() {
			return CompletableFuture.completedFuture(this.listener != null);
		}

		@Override
		public void roomCreated(String room) {
		}

		@Override
		public void roomDeleted(String room) {
		}

		@Override
		public CompletableFuture<Void> whenReceiving(List<String> rooms) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public long receivedMessages() {
			return 0;
		}

		@Override
		public int pendingRooms() {
			return 0;
		}

		@Override
		public void close() {
			InMemoryCluster.this.transports.remove(this);
		}

	}

}
