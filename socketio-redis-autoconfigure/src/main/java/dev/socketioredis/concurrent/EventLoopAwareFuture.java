package dev.socketioredis.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

/**
 * What the adapter and the emitter return: a future completed by Redis's answer, which refuses to be waited for on a
 * Netty event loop while it is not done. The answer is read on an event loop, possibly that very one (a node's
 * clients and its Redis connections share its loops), and the publishes a loop makes are written at the end of its
 * turn: waiting there would wait for itself, and hold up every client of the loop meanwhile. Netty refuses the same
 * for its own futures. Compose instead ({@code thenAccept}, {@code thenCompose}), or wait on another thread.
 *
 * <p>
 * The futures derived from it ({@code thenApply} and the like) refuse the same.
 */
public final class EventLoopAwareFuture<T> extends CompletableFuture<T> {

	/** A future completed as {@code source} is. */
	public static <T> CompletableFuture<T> of(CompletableFuture<T> source) {
		EventLoopAwareFuture<T> future = new EventLoopAwareFuture<>();
		source.whenComplete((value, failure) -> {
			if (failure != null) {
				future.completeExceptionally(failure);
			}
			else {
				future.complete(value);
			}
		});
		return future;
	}

	@Override
	public <U> CompletableFuture<U> newIncompleteFuture() {
		return new EventLoopAwareFuture<>();
	}

	@Override
	public T get() throws InterruptedException, ExecutionException {
		refuseToWaitOnAnEventLoop();
		return super.get();
	}

	@Override
	public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
		refuseToWaitOnAnEventLoop();
		return super.get(timeout, unit);
	}

	@Override
	public T join() {
		refuseToWaitOnAnEventLoop();
		return super.join();
	}

	private void refuseToWaitOnAnEventLoop() {
		EventExecutor loop = ThreadExecutorMap.currentExecutor();
		if (loop != null && !isDone()) {
			throw new IllegalStateException("Waiting for Redis on a Netty event loop (" + Thread.currentThread().getName()
					+ ", which runs Socket.IO event handlers and Redis connections) would wait for itself: compose the "
					+ "future (thenAccept, thenCompose) or wait on another thread");
		}
	}

}
