package dev.socketioredis.concurrent;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.ThreadExecutorMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Netty {@link Timer} whose timeouts run on event loops it does not own, instead of on a thread of its own. Netty's
 * {@code HashedWheelTimer}, which netty-socketio and Lettuce each make, wakes its thread ten times a second for as long
 * as it lives, busy or not; an event loop wakes when a timeout is due. A timeout scheduled on one of the loops runs on
 * that loop, any other on the next one; its task must not block, as on a {@code HashedWheelTimer}'s thread.
 *
 * <p>
 * {@link #stop()} leaves the loops to their owner: the timeouts it has scheduled no longer run, and no new one can be
 * scheduled.
 */
public final class EventLoopTimer implements Timer {

	private static final Logger logger = LoggerFactory.getLogger(EventLoopTimer.class);

	private final EventExecutorGroup loops;

	private volatile boolean stopped;

	public EventLoopTimer(EventExecutorGroup loops) {
		this.loops = loops;
	}

	@Override
	public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
		if (this.stopped) {
			throw new IllegalStateException("This timer is stopped: it cannot schedule another timeout");
		}
		LoopTimeout timeout = new LoopTimeout(task);
		timeout.future = loop().schedule(timeout, delay, unit);
		return timeout;
	}

	/** The current thread's loop when it is one of these: scheduling there wakes no other thread. */
	private EventExecutor loop() {
		EventExecutor current = ThreadExecutorMap.currentExecutor();
		return (current != null && current.parent() == this.loops) ? current : this.loops.next();
	}

	@Override
	public Set<Timeout> stop() {
		this.stopped = true;
		return Set.of();
	}

	private final class LoopTimeout implements Timeout, Runnable {

		private static final int PENDING = 0;

		private static final int CANCELLED = 1;

		private static final int EXPIRED = 2;

		private static final AtomicIntegerFieldUpdater<LoopTimeout> STATE = AtomicIntegerFieldUpdater
			.newUpdater(LoopTimeout.class, "state");

		private final TimerTask task;

		private volatile int state = PENDING;

		/** Set once scheduled; a timeout cancelled before that is simply not run when it falls due. */
		private volatile @Nullable ScheduledFuture<?> future;

		LoopTimeout(TimerTask task) {
			this.task = task;
		}

		@Override
		public void run() {
			if (EventLoopTimer.this.stopped || !STATE.compareAndSet(this, PENDING, EXPIRED)) {
				return;
			}
			try {
				this.task.run(this);
			}
			catch (Throwable ex) {
				logger.warn("A timeout's task failed: {}", ex.toString(), ex);
			}
		}

		@Override
		public Timer timer() {
			return EventLoopTimer.this;
		}

		@Override
		public TimerTask task() {
			return this.task;
		}

		@Override
		public boolean isExpired() {
			return this.state == EXPIRED;
		}

		@Override
		public boolean isCancelled() {
			return this.state == CANCELLED;
		}

		/** Takes the timeout off its loop's queue too, where it would otherwise stay until it falls due. */
		@Override
		public boolean cancel() {
			if (!STATE.compareAndSet(this, PENDING, CANCELLED)) {
				return false;
			}
			ScheduledFuture<?> scheduled = this.future;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
			return true;
		}

	}

}
