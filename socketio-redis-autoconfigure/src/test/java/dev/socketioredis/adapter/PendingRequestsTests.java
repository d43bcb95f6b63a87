package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.socketioredis.adapter.PendingRequests.Ack;
import dev.socketioredis.adapter.PendingRequests.Acknowledgements;
import dev.socketioredis.adapter.PendingRequests.ClientCount;
import dev.socketioredis.adapter.PendingRequests.Counted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class PendingRequestsTests {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final PendingRequests pending = new PendingRequests(this.timer);

	@AfterEach
	void stopTimer() {
		this.timer.shutdownNow();
	}

	@Test
	void completesOnceEveryNodeAnsweredCountingTheLocalAnswer() {
		CompletableFuture<List<Object>> result = this.pending.register("r1", "fetchSockets",
				new Counted(3, new ArrayList<>(List.of("local")), (answer) -> List.of(answer)), Duration.ofSeconds(5));
		this.pending.answer("r1", "b");
		assertThat(result).isNotDone();
		this.pending.answer("r1", "c");
		assertThat(result).isCompletedWithValue(List.of("local", "b", "c"));
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void timesOutSayingHowManyAnswersArrivedAndForgetsTheRequest() {
		CompletableFuture<List<Object>> result = this.pending.register("r1", "allRooms",
				new Counted(3, new ArrayList<>(List.of("local")), (answer) -> List.of(answer)), Duration.ofMillis(50));
		await().until(result::isDone);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.havingCause()
			.isInstanceOf(RequestTimeoutException.class)
			.withMessage("timeout reached while waiting for allRooms response: only 1 responses received out of 3");
		assertThat(this.pending.isPending("r1")).isFalse();
		this.pending.answer("r1", "late"); // ignored
	}

	@Test
	void thousandsOfTimedOutRequestsLeaveNothingBehind() {
		List<CompletableFuture<List<Object>>> results = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			results.add(this.pending.register("r" + i, "fetchSockets",
					new Counted(2, new ArrayList<>(), (answer) -> List.of(answer)), Duration.ofMillis(20)));
		}
		await().until(() -> results.stream().allMatch(CompletableFuture::isDone));
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void acknowledgementsCompleteWhenEveryNodeReportedAndEveryClientAcked() {
		Acknowledgements acks = new Acknowledgements();
		CompletableFuture<List<Object>> result = this.pending.register("r1", "acks", acks, Duration.ofSeconds(5));
		this.pending.answer("r1", new Ack("early")); // may arrive before the count
		this.pending.answer("r1", new ClientCount(1));
		this.pending.answer("r1", new ClientCount(1));
		assertThat(result).isNotDone();
		acks.expectServers(2);
		this.pending.recheck("r1");
		assertThat(result).isNotDone();
		this.pending.answer("r1", new Ack("late"));
		assertThat(result).isCompletedWithValue(List.of("early", "late"));
	}

	@Test
	void acknowledgementsThatTimeOutSayWhatWasMissing() {
		Acknowledgements acks = new Acknowledgements();
		CompletableFuture<List<Object>> result = this.pending.register("r1", "emitWithAck", acks, Duration.ofMillis(50));
		this.pending.answer("r1", new ClientCount(2));
		this.pending.answer("r1", new Ack("one"));
		acks.expectServers(3);
		await().until(result::isDone);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(result::join)
			.havingCause()
			.isInstanceOfSatisfying(RequestTimeoutException.class, (timeout) -> {
				assertThat(timeout).hasMessage("timeout reached while waiting for emitWithAck response: only 1 of 3 "
						+ "nodes reported their clients and 1 of 2 acknowledgements arrived");
				assertThat(timeout.partial()).containsExactly("one");
			});
	}

	@Test
	void shutdownFailsWhatIsPending() {
		CompletableFuture<List<Object>> result = this.pending.register("r1", "fetchSockets",
				new Counted(2, new ArrayList<>(), (answer) -> List.of(answer)), Duration.ofSeconds(5));
		this.pending.failAll("closed");
		assertThat(result).isCompletedExceptionally();
		assertThat(this.pending.size()).isZero();
	}

}
