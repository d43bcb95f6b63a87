package dev.socketioredis.redis.springdata;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A listener container that hands messages to its listeners one at a time, in the order Redis sent them. The default
 * container starts a thread per message, so two broadcasts from one publisher could reach a client swapped.
 */
public class OrderedMessageListenerContainer extends RedisMessageListenerContainer {

	private final ThreadPoolTaskExecutor dispatcher = new ThreadPoolTaskExecutor();

	/**
	 * @param connectionFactory the factory of the subscriber role
	 * @param threadNamePrefix prefix of the one thread that runs the listeners
	 */
	public OrderedMessageListenerContainer(RedisConnectionFactory connectionFactory, String threadNamePrefix) {
		this.dispatcher.setCorePoolSize(1);
		this.dispatcher.setMaxPoolSize(1);
		this.dispatcher.setThreadNamePrefix(threadNamePrefix);
		this.dispatcher.initialize();
		setConnectionFactory(connectionFactory);
		setTaskExecutor(this.dispatcher);
		// blocking (non-Lettuce) subscribers park a thread: never the dispatcher's
		setSubscriptionExecutor(new SimpleAsyncTaskExecutor(threadNamePrefix + "subscription-"));
	}

	@Override
	public void destroy() throws Exception {
		super.destroy();
		this.dispatcher.shutdown();
	}

}
