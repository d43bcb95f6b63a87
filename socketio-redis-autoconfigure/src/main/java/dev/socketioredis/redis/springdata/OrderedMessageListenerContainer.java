package dev.socketioredis.redis.springdata;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * A listener container that hands messages to its listeners one at a time, in the order Redis sent them: on the
 * thread that read them (with Lettuce, the event loop of the subscriber connection). The default container starts a
 * thread per message, so two broadcasts from one publisher could reach a client swapped; a dispatcher thread of its
 * own would cost a hand-off per message (waking it took a fifth of Lettuce's thread in the benchmark's
 * {@code many-rooms}). The listeners must not block: the adapter's write to clients and publish without waiting.
 */
public class OrderedMessageListenerContainer extends RedisMessageListenerContainer {

	/**
	 * @param connectionFactory the factory of the subscriber role
	 * @param threadNamePrefix prefix of the threads that wait for blocking (non-Lettuce) subscriptions
	 */
	public OrderedMessageListenerContainer(RedisConnectionFactory connectionFactory, String threadNamePrefix) {
		setConnectionFactory(connectionFactory);
		setTaskExecutor(new SyncTaskExecutor());
		// blocking (non-Lettuce) subscribers park a thread: never the caller's
		setSubscriptionExecutor(new SimpleAsyncTaskExecutor(threadNamePrefix + "subscription-"));
	}

}
