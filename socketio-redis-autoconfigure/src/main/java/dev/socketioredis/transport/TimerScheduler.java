package dev.socketioredis.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import com.corundumstudio.socketio.scheduler.CancelableScheduler;
import com.corundumstudio.socketio.scheduler.SchedulerKey;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import org.jspecify.annotations.Nullable;

/**
 * netty-socketio's scheduler (ping deadlines, acknowledgement timeouts, polling and upgrade deadlines) on a Netty
 * {@link Timer} it is given, such as the node's event loops' ({@code EventLoopTimer}), where netty-socketio's own makes
 * a {@code HashedWheelTimer} that wakes a thread of its own ten times a second.
 *
 * <p>
 * As netty-socketio's: scheduling under a key replaces what was scheduled under it; a callback runs on the event loop of
 * the channel last {@linkplain #update updated}. A keyed timeout that falls due forgets its key only if it is still the
 * one scheduled under it (netty-socketio's forgets whichever is).
 */
final class TimerScheduler implements CancelableScheduler {

	private final Timer timer;

	private final ConcurrentMap<SchedulerKey, Timeout> scheduled = new ConcurrentHashMap<>();

	private volatile @Nullable ChannelHandlerContext lastChannel;

	TimerScheduler(Timer timer) {
		this.timer = timer;
	}

	@Override
	public void update(ChannelHandlerContext ctx) {
		this.lastChannel = ctx;
	}

	@Override
	public void cancel(SchedulerKey key) {
		Timeout timeout = this.scheduled.remove(key);
		if (timeout != null) {
			timeout.cancel();
		}
	}

	@Override
	public void schedule(Runnable runnable, long delay, TimeUnit unit) {
		this.timer.newTimeout((timeout) -> runnable.run(), delay, unit);
	}

	@Override
	public void scheduleCallback(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) {
		schedule(key, () -> onEventLoop(runnable), delay, unit);
	}

	private void onEventLoop(Runnable runnable) {
		ChannelHandlerContext channel = this.lastChannel;
		if (channel == null || channel.executor().inEventLoop()) {
			runnable.run();
		}
		else {
			channel.executor().execute(runnable);
		}
	}

	@Override
	public void schedule(SchedulerKey key, Runnable runnable, long delay, TimeUnit unit) {
		Timeout timeout = this.timer.newTimeout((due) -> {
			this.scheduled.remove(key, due);
			runnable.run();
		}, delay, unit);
		Timeout replaced = timeout.isExpired() ? this.scheduled.remove(key) : this.scheduled.put(key, timeout);
		if (replaced != null) {
			replaced.cancel();
		}
	}

	/** Cancels what is scheduled under a key; the timer is its owner's to stop. */
	@Override
	public void shutdown() {
		this.scheduled.values().forEach(Timeout::cancel);
		this.scheduled.clear();
	}

}
