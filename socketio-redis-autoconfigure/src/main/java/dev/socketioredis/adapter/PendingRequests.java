package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The requests of one namespace adapter waiting for answers from other nodes, by request id. Every request has a
 * deadline: when it passes, the request fails with a {@link RequestTimeoutException} that says how many answers
 * arrived out of how many were expected, and it is forgotten. Nothing outlives its deadline or a shutdown.
 */
final class PendingRequests {

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer;

	PendingRequests(ScheduledExecutorService timer) {
		this.timer = timer;
	}

	boolean isPending(String requestId) {
		return this.pending.containsKey(requestId);
	}

	int size() {
		return this.pending.size();
	}

	/**
	 * Waits for {@code expected} answers, each turned into an item by the caller's {@link Pending#accept}.
	 * @param what named in the timeout message, e.g. {@code fetchSockets}
	 */
	CompletableFuture<List<@Nullable Object>> register(String requestId, String what, Pending request,
			Duration timeout) {
		this.pending.put(requestId, request);
		ScheduledFuture<?> deadline = this.timer.schedule(() -> {
			if (this.pending.remove(requestId, request)) {
				request.result.completeExceptionally(new RequestTimeoutException(
						"timeout reached while waiting for " + what + " response: " + request.progress(),
						request.items()));
			}
		}, timeout.toMillis(), TimeUnit.MILLISECONDS);
		request.result.whenComplete((items, failure) -> deadline.cancel(false));
		request.completeIfDone();
		if (request.result.isDone()) {
			this.pending.remove(requestId, request);
		}
		return request.result;
	}

	/** Completes a request that became done through a change of its expectations. */
	void recheck(String requestId) {
		Pending request = this.pending.get(requestId);
		if (request != null) {
			request.completeIfDone();
			if (request.result.isDone()) {
				this.pending.remove(requestId, request);
			}
		}
	}

	/** An answer arrived; unknown ids (other nodes' requests, late answers) are ignored. */
	void answer(String requestId, Object answer) {
		Pending request = this.pending.get(requestId);
		if (request != null && request.accept(answer) && this.pending.remove(requestId, request)) {
			request.result.complete(request.items());
		}
	}

	/** The request could not be sent: fail it now rather than at its deadline. */
	void fail(String requestId, Throwable cause) {
		Pending request = this.pending.remove(requestId);
		if (request != null) {
			request.result.completeExceptionally(cause);
		}
	}

	void failAll(String reason) {
		this.pending.values().forEach((request) -> request.result
			.completeExceptionally(new RequestTimeoutException(reason, request.items())));
		this.pending.clear();
	}

	/**
	 * One request's state. {@link #accept} runs on the Redis listener thread; the result completes there too.
	 */
	abstract static class Pending {

		final CompletableFuture<List<@Nullable Object>> result = new CompletableFuture<>();

		private final List<@Nullable Object> items = new ArrayList<>();

		/** @return whether the request is now complete */
		abstract boolean accept(Object answer);

		/** How far the request got, for its timeout message. */
		abstract String progress();

		synchronized void add(@Nullable Object item) {
			this.items.add(item);
		}

		synchronized List<@Nullable Object> items() {
			return new ArrayList<>(this.items);
		}

		abstract void completeIfDone();

	}

	/**
	 * A broadcast with acknowledgements: complete when every node, this one included, reported how many clients it
	 * reached and that many acknowledgements arrived, in any order.
	 */
	static final class Acknowledgements extends Pending {

		private int expectedServers = -1;

		private int reportedServers;

		private int expectedAcks;

		private int receivedAcks;

		/** How many other nodes will report, known once {@code PUBSUB NUMSUB} answered. */
		synchronized void expectServers(int servers) {
			this.expectedServers = servers;
		}

		@Override
		synchronized boolean accept(Object answer) {
			if (answer instanceof ClientCount count) {
				this.reportedServers++;
				this.expectedAcks += count.clients();
			}
			else {
				add(((Ack) answer).value());
				this.receivedAcks++;
			}
			return isDone();
		}

		synchronized boolean isDone() {
			return this.expectedServers >= 0 && this.reportedServers >= this.expectedServers
					&& this.receivedAcks >= this.expectedAcks;
		}

		@Override
		void completeIfDone() {
			if (isDone()) {
				this.result.complete(items());
			}
		}

		@Override
		synchronized String progress() {
			String servers = (this.expectedServers >= 0) ? Integer.toString(this.expectedServers) : "?";
			return "only " + this.reportedServers + " of " + servers + " nodes reported their clients and "
					+ this.receivedAcks + " of " + this.expectedAcks + " acknowledgements arrived";
		}

	}

	/** A node's report of how many clients a broadcast with acknowledgements reached. */
	record ClientCount(int clients) {
	}

	/** One client's acknowledgement (its first argument). */
	record Ack(@Nullable Object value) {
	}

	/** Completes after a number of answers, each adding zero or more items. */
	static final class Counted extends Pending {

		private final int expected;

		private final Function<Object, List<@Nullable Object>> itemsOf;

		private int received;

		/**
		 * @param expected answers to wait for
		 * @param local this node's own answer, counted as received, or {@code null}
		 * @param itemsOf the items an answer adds
		 */
		Counted(int expected, @Nullable List<@Nullable Object> local, Function<Object, List<@Nullable Object>> itemsOf) {
			this.expected = expected;
			this.itemsOf = itemsOf;
			if (local != null) {
				local.forEach(this::add);
				this.received = 1;
			}
		}

		@Override
		synchronized boolean accept(Object answer) {
			this.itemsOf.apply(answer).forEach(this::add);
			this.received++;
			return this.received >= this.expected;
		}

		@Override
		synchronized String progress() {
			return "only " + this.received + " responses received out of " + this.expected;
		}

		@Override
		synchronized void completeIfDone() {
			if (this.received >= this.expected) {
				this.result.complete(items());
			}
		}

	}

}
