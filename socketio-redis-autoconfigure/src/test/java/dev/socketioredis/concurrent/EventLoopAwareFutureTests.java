package dev.socketioredis.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link EventLoopAwareFuture}: waiting on a Netty event loop for what is not done fails at once, saying why; anywhere
 * else, or once done, it is a {@link CompletableFuture}.
 */
class EventLoopAwareFutureTests {

	private final EventLoop loop = new DefaultEventLoop();

	@AfterEach
	void shutDown() {
		this.loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void waitingOnAnEventLoopForWhatIsNotDoneFailsSayingWhy() {
		CompletableFuture<String> future = EventLoopAwareFuture.of(new CompletableFuture<>());
		CompletableFuture<Integer> derived = future.thenApply(String::length);
		for (CompletableFuture<?> waited : new CompletableFuture<?>[] { future, derived }) {
			assertThatIllegalStateException().isThrownBy(() -> onTheLoop(waited::join))
				.withMessageContaining("would wait for itself")
				.withMessageContaining("thenAccept");
			assertThatIllegalStateException().isThrownBy(() -> onTheLoop(waited::get));
			assertThatIllegalStateException().isThrownBy(() -> onTheLoop(() -> waited.get(1, TimeUnit.SECONDS)));
		}
	}

	@Test
	void whatIsDoneCanBeReadOnAnEventLoop() throws Exception {
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> future = EventLoopAwareFuture.of(source);
		source.complete("answer");
		assertThat(onTheLoop(future::join)).isEqualTo("answer");
		assertThat(onTheLoop(() -> future.thenApply(String::length).get())).isEqualTo(6);
	}

	@Test
	void elsewhereItWaitsAndFailsAsItsSource() {
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> future = EventLoopAwareFuture.of(source);
		this.loop.execute(() -> source.completeExceptionally(new IllegalArgumentException("refused")));
		assertThat(future).failsWithin(5, TimeUnit.SECONDS)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(IllegalArgumentException.class);
	}

	private <T> T onTheLoop(Callable<T> waiting) throws Exception {
		try {
			return this.loop.submit(waiting).get(5, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw ex;
		}
	}

}
