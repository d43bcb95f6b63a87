package dev.socketioredis.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link EventLoopTimer}: a timeout runs once, on one of the loops (the scheduling one when it is one of them), unless
 * cancelled or the timer stopped first; a failing task leaves the loop running.
 */
class EventLoopTimerTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final EventLoopGroup loops = new DefaultEventLoopGroup(2);

	private final EventLoopTimer timer = new EventLoopTimer(this.loops);

	@AfterEach
	void shutDown() {
		this.loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void aTimeoutRunsOnceOnOneOfTheLoopsWhenDue() throws Exception {
		CompletableFuture<Thread> ranOn = new CompletableFuture<>();
		long scheduledAt = System.nanoTime();
		Timeout timeout = this.timer.newTimeout((due) -> ranOn.complete(Thread.currentThread()), 50,
				TimeUnit.MILLISECONDS);
		Thread thread = ranOn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(System.nanoTime() - scheduledAt).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
		assertThat(inLoops(thread)).isTrue();
		assertThat(timeout.isExpired()).isTrue();
		assertThat(timeout.isCancelled()).isFalse();
		assertThat(timeout.cancel()).isFalse();
		assertThat(timeout.timer()).isSameAs(this.timer);
	}

	@Test
	void aTimeoutScheduledOnALoopRunsOnThatLoop() throws Exception {
		for (int i = 0; i < 4; i++) {
			CompletableFuture<Boolean> sameLoop = new CompletableFuture<>();
			var loop = this.loops.next();
			loop.execute(() -> this.timer.newTimeout((due) -> sameLoop.complete(loop.inEventLoop()), 1,
					TimeUnit.MILLISECONDS));
			assertThat(sameLoop.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		}
	}

	@Test
	void aCancelledTimeoutDoesNotRun() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		Timeout cancelled = this.timer.newTimeout((due) -> runs.incrementAndGet(), 100, TimeUnit.MILLISECONDS);
		assertThat(cancelled.cancel()).isTrue();
		assertThat(cancelled.isCancelled()).isTrue();
		assertThat(cancelled.cancel()).isFalse();
		CountDownLatch later = new CountDownLatch(1);
		this.timer.newTimeout((due) -> later.countDown(), 300, TimeUnit.MILLISECONDS);
		assertThat(later.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(runs).hasValue(0);
		assertThat(cancelled.isExpired()).isFalse();
	}

	@Test
	void aStoppedTimerRunsNothingMoreAndSchedulesNothingNew() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		this.timer.newTimeout((due) -> runs.incrementAndGet(), 100, TimeUnit.MILLISECONDS);
		assertThat(this.timer.stop()).isEmpty();
		assertThatIllegalStateException()
			.isThrownBy(() -> this.timer.newTimeout((due) -> runs.incrementAndGet(), 1, TimeUnit.MILLISECONDS));
		CountDownLatch later = new CountDownLatch(1);
		this.loops.next().schedule(later::countDown, 300, TimeUnit.MILLISECONDS);
		assertThat(later.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(runs).hasValue(0);
		assertThat(this.loops.isShuttingDown()).isFalse();
	}

	@Test
	void aFailingTaskLeavesTheLoopsRunning() {
		AtomicInteger runs = new AtomicInteger();
		for (int i = 0; i < 4; i++) {
			this.timer.newTimeout((due) -> {
				throw new IllegalStateException("a task's own failure");
			}, 1, TimeUnit.MILLISECONDS);
		}
		for (int i = 0; i < 4; i++) {
			this.timer.newTimeout((due) -> runs.incrementAndGet(), 10, TimeUnit.MILLISECONDS);
		}
		await().atMost(WAIT).until(() -> runs.get() == 4);
	}

	private boolean inLoops(Thread thread) throws Exception {
		for (var loop : this.loops) {
			if (loop.submit(Thread::currentThread).get(WAIT.toMillis(), TimeUnit.MILLISECONDS) == thread) {
				return true;
			}
		}
		return false;
	}

}
