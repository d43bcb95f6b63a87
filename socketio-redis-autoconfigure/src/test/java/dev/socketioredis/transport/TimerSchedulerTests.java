package dev.socketioredis.transport;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.scheduler.SchedulerKey;
import dev.socketioredis.concurrent.EventLoopTimer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TimerScheduler}: netty-socketio's scheduling contract on a timer of the node's event loops. What is scheduled
 * under a key replaces what was, and can be cancelled by the key; a callback runs on the event loop of the channel last
 * updated.
 */
class TimerSchedulerTests {

	private static final long WAIT_MILLIS = Duration.ofSeconds(5).toMillis();

	private final EventLoopGroup loops = new DefaultEventLoopGroup(1);

	private final TimerScheduler scheduler = new TimerScheduler(new EventLoopTimer(this.loops));

	private final List<String> ran = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutDown() {
		this.loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void schedulingUnderAKeyReplacesWhatWasScheduledUnderIt() throws Exception {
		SchedulerKey key = pingOf(UUID.randomUUID());
		this.scheduler.schedule(key, () -> this.ran.add("first"), 100, TimeUnit.MILLISECONDS);
		this.scheduler.schedule(key, () -> this.ran.add("second"), 150, TimeUnit.MILLISECONDS);
		awaitAfter(400);
		assertThat(this.ran).containsExactly("second");
	}

	@Test
	void cancellingAKeyCancelsWhatIsScheduledUnderIt() throws Exception {
		SchedulerKey cancelled = pingOf(UUID.randomUUID());
		this.scheduler.schedule(cancelled, () -> this.ran.add("cancelled"), 100, TimeUnit.MILLISECONDS);
		this.scheduler.schedule(pingOf(UUID.randomUUID()), () -> this.ran.add("other key"), 100,
				TimeUnit.MILLISECONDS);
		this.scheduler.cancel(cancelled);
		awaitAfter(400);
		assertThat(this.ran).containsExactly("other key");
	}

	@Test
	void aKeyScheduledAgainFromItsOwnTaskStaysCancellable() throws Exception {
		SchedulerKey key = pingOf(UUID.randomUUID());
		CountDownLatch rescheduled = new CountDownLatch(1);
		this.scheduler.schedule(key, () -> {
			this.scheduler.schedule(key, () -> this.ran.add("rescheduled"), 200, TimeUnit.MILLISECONDS);
			rescheduled.countDown();
		}, 1, TimeUnit.MILLISECONDS);
		assertThat(rescheduled.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
		this.scheduler.cancel(key);
		awaitAfter(500);
		assertThat(this.ran).isEmpty();
	}

	@Test
	void aCallbackRunsOnTheEventLoopOfTheChannelLastUpdated() throws Exception {
		EventLoop channelLoop = new DefaultEventLoop();
		try {
			Channel channel = new LocalChannel();
			channel.pipeline().addLast(new ChannelInboundHandlerAdapter());
			channelLoop.register(channel).sync();
			this.scheduler.update(channel.pipeline().firstContext());
			CompletableFuture<Thread> ranOn = new CompletableFuture<>();
			this.scheduler.scheduleCallback(pingOf(UUID.randomUUID()), () -> ranOn.complete(Thread.currentThread()), 1,
					TimeUnit.MILLISECONDS);
			assertThat(ranOn.get(WAIT_MILLIS, TimeUnit.MILLISECONDS))
				.isSameAs(channelLoop.submit(Thread::currentThread).get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
			channel.close().sync();
		}
		finally {
			channelLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		}
	}

	@Test
	void shutdownCancelsWhatIsScheduledUnderAKey() throws Exception {
		this.scheduler.schedule(pingOf(UUID.randomUUID()), () -> this.ran.add("keyed"), 100, TimeUnit.MILLISECONDS);
		this.scheduler.shutdown();
		awaitAfter(400);
		assertThat(this.ran).isEmpty();
	}

	/** Waits on the loop for longer than what was scheduled before it. */
	private void awaitAfter(long millis) throws InterruptedException {
		CountDownLatch later = new CountDownLatch(1);
		this.loops.next().schedule(later::countDown, millis, TimeUnit.MILLISECONDS);
		assertThat(later.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
	}

	private static SchedulerKey pingOf(UUID session) {
		return new SchedulerKey(SchedulerKey.Type.PING_TIMEOUT, session);
	}

}
