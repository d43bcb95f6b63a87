package dev.socketioredis.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.redis.RedisPubSub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The room subscriptions of channel multiplexing against a recording channel set: batched, retried while Redis
 * refuses, and the waiters of a join released only once the rooms are subscribed.
 */
class RoomChannelSubscriptionsTests {

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

	private final RecordingChannelSet channelSet = new RecordingChannelSet();

	private final List<Duration> lags = new CopyOnWriteArrayList<>();

	private final RoomChannelSubscriptions subscriptions = new RoomChannelSubscriptions("/", new ChannelNames("k"),
			this.channelSet, this.worker, Duration.ofMillis(20), lagRecorder());

	@AfterEach
	void stopWorker() {
		this.worker.shutdownNow();
	}

	@Test
	void roomsCreatedWhileAPassRunsAreSubscribedTogetherInTheNextOne() throws Exception {
		CountDownLatch busy = blockWorker();
		for (int room = 0; room < 100; room++) {
			this.subscriptions.roomCreated("r" + room);
		}
		assertThat(this.subscriptions.pending()).isEqualTo(100);
		busy.countDown();

		await().until(() -> this.subscriptions.pending() == 0);
		assertThat(this.channelSet.calls).hasSize(1);
		assertThat(this.channelSet.calls.get(0)).startsWith("SUBSCRIBE ");
		assertThat(this.channelSet.subscribed).hasSize(100).contains("k#/#r0#", "k#/#r99#");
		assertThat(this.lags).hasSize(100);
	}

	@Test
	void aRoomDeletedBeforeItsPassIsNeverSubscribed() throws Exception {
		CountDownLatch busy = blockWorker();
		this.subscriptions.roomCreated("brief");
		this.subscriptions.roomCreated("kept");
		this.subscriptions.roomDeleted("brief");
		busy.countDown();

		await().until(() -> this.channelSet.subscribed.contains("k#/#kept#"));
		assertThat(this.channelSet.calls).containsExactly("SUBSCRIBE [k#/#kept#]");
	}

	@Test
	void aDeletedRoomIsUnsubscribed() {
		this.subscriptions.roomCreated("r");
		await().until(() -> this.channelSet.subscribed.contains("k#/#r#"));
		this.subscriptions.roomDeleted("r");

		await().until(() -> this.channelSet.subscribed.isEmpty());
		assertThat(this.channelSet.calls).containsExactly("SUBSCRIBE [k#/#r#]", "UNSUBSCRIBE [k#/#r#]");
	}

	@Test
	void aJoinCompletesOnceItsRoomsAreSubscribed() throws Exception {
		CountDownLatch busy = blockWorker();
		this.subscriptions.roomCreated("a");
		this.subscriptions.roomCreated("b");
		CompletableFuture<Void> joined = this.subscriptions.whenSubscribed(List.of("a", "b"));
		assertThat(joined).isNotDone();
		busy.countDown();

		await().until(joined::isDone);
		assertThat(joined).isCompleted();
		assertThat(this.channelSet.subscribed).contains("k#/#a#", "k#/#b#");
	}

	@Test
	void aJoinOfRoomsAlreadySubscribedOrWithoutLocalMemberCompletesAtOnce() {
		this.subscriptions.roomCreated("a");
		await().until(() -> this.subscriptions.pending() == 0);

		assertThat(this.subscriptions.whenSubscribed(List.of("a", "left-already"))).isCompleted();
	}

	@Test
	void aRefusedSubscriptionIsMadeAgainOnceRedisTakesIt() {
		this.channelSet.refusing.set(true);
		this.subscriptions.roomCreated("during-outage");
		CompletableFuture<Void> joined = this.subscriptions.whenSubscribed(List.of("during-outage"));
		await().until(() -> this.channelSet.refusals.get() >= 3);
		assertThat(joined).isNotDone();

		this.channelSet.refusing.set(false);
		await().until(joined::isDone);
		assertThat(this.channelSet.subscribed).containsExactly("k#/#during-outage#");
		assertThat(this.subscriptions.pending()).isZero();
	}

	@Test
	void aRefusedUnsubscriptionIsMadeAgain() {
		this.subscriptions.roomCreated("r");
		await().until(() -> this.channelSet.subscribed.contains("k#/#r#"));
		this.channelSet.refusing.set(true);
		this.subscriptions.roomDeleted("r");
		await().until(() -> this.channelSet.refusals.get() >= 2);
		assertThat(this.channelSet.subscribed).contains("k#/#r#");

		this.channelSet.refusing.set(false);
		await().until(() -> this.channelSet.subscribed.isEmpty());
	}

	@Test
	void closingFailsTheWaitersAndUnsubscribesEverything() throws Exception {
		this.subscriptions.roomCreated("a");
		await().until(() -> this.subscriptions.pending() == 0);
		CountDownLatch busy = blockWorker();
		this.subscriptions.roomCreated("b");
		CompletableFuture<Void> joined = this.subscriptions.whenSubscribed(List.of("b"));

		this.subscriptions.close();
		busy.countDown();

		assertThat(joined).isCompletedExceptionally();
		assertThat(this.channelSet.subscribed).isEmpty();
	}

	/** Keeps the worker busy until the returned latch is counted down, so that room changes pile up. */
	private CountDownLatch blockWorker() throws InterruptedException {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.worker.execute(() -> {
			started.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		started.await();
		return release;
	}

	private AdapterObserver lagRecorder() {
		return new AdapterObserver() {

			@Override
			public void roomSubscribed(String namespace, Duration lag) {
				RoomChannelSubscriptionsTests.this.lags.add(lag);
			}

		};
	}

	/** Records the commands; refuses them, as Lettuce does while disconnected, when told to. */
	static final class RecordingChannelSet implements RedisPubSub.ChannelSet {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final List<String> subscribed = new CopyOnWriteArrayList<>();

		final AtomicBoolean refusing = new AtomicBoolean();

		final AtomicInteger refusals = new AtomicInteger();

		@Override
		public void subscribe(Collection<String> channels) {
			refuseIfTold();
			this.calls.add("SUBSCRIBE " + new ArrayList<>(channels));
			this.subscribed.addAll(channels);
		}

		@Override
		public void unsubscribe(Collection<String> channels) {
			refuseIfTold();
			this.calls.add("UNSUBSCRIBE " + new ArrayList<>(channels));
			this.subscribed.removeAll(channels);
		}

		private void refuseIfTold() {
			if (this.refusing.get()) {
				this.refusals.incrementAndGet();
				throw new IllegalStateException("Currently not connected. Commands are rejected.");
			}
		}

	}

}
