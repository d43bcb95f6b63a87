package dev.socketioredis.adapter;

import com.corundumstudio.socketio.store.pubsub.DispatchMessage;
import com.corundumstudio.socketio.store.pubsub.JoinLeaveMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubListener;
import com.corundumstudio.socketio.store.pubsub.PubSubMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import com.corundumstudio.socketio.store.pubsub.PubSubType;

/**
 * netty-socketio's {@link PubSubStore}, reduced to the two messages the adapter needs. netty-socketio gossips
 * connects, joins and leaves between its own nodes; Node has no such messages, and the remote session ids they would
 * put in local room maps outlive crashed nodes, so they go nowhere.
 */
final class NettyPubSubBridge implements PubSubStore {

	private final RedisStoreFactory storeFactory;

	NettyPubSubBridge(RedisStoreFactory storeFactory) {
		this.storeFactory = storeFactory;
	}

	@Override
	public void publish(PubSubType type, PubSubMessage message) {
		switch (type) {
			case DISPATCH -> this.storeFactory.onDispatch((DispatchMessage) message);
			case JOIN -> this.storeFactory.onJoin((JoinLeaveMessage) message);
			default -> {
			}
		}
	}

	@Override
	public <T extends PubSubMessage> void subscribe(PubSubType type, PubSubListener<T> listener, Class<T> clazz) {
		// nothing arrives through netty-socketio's topics: each NamespaceAdapter subscribes in the Node format
	}

	@Override
	public void unsubscribe(PubSubType type) {
	}

	@Override
	public void shutdown() {
	}

}
