package dev.socketioredis.adapter;

import java.util.Set;

import com.corundumstudio.socketio.store.pubsub.BulkJoinLeaveMessage;
import com.corundumstudio.socketio.store.pubsub.DispatchMessage;
import com.corundumstudio.socketio.store.pubsub.JoinLeaveMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubListener;
import com.corundumstudio.socketio.store.pubsub.PubSubMessage;
import com.corundumstudio.socketio.store.pubsub.PubSubStore;
import com.corundumstudio.socketio.store.pubsub.PubSubType;

/**
 * netty-socketio's {@link PubSubStore}, turned into local notifications. netty-socketio publishes its broadcasts,
 * joins and leaves here for its own nodes to gossip; Node has no such messages, and the remote session ids they would
 * put in local room maps outlive crashed nodes. So only broadcasts go to Redis, in the Node format, and joins and
 * leaves stay on this node.
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
			case JOIN -> {
				JoinLeaveMessage join = (JoinLeaveMessage) message;
				this.storeFactory.onJoin(join.getNamespace(), join.getSessionId(), Set.of(join.getRoom()));
			}
			case BULK_JOIN -> {
				BulkJoinLeaveMessage join = (BulkJoinLeaveMessage) message;
				this.storeFactory.onJoin(join.getNamespace(), join.getSessionId(), join.getRooms());
			}
			case LEAVE -> {
				JoinLeaveMessage leave = (JoinLeaveMessage) message;
				this.storeFactory.onLeave(leave.getNamespace(), leave.getSessionId(), Set.of(leave.getRoom()));
			}
			case BULK_LEAVE -> {
				BulkJoinLeaveMessage leave = (BulkJoinLeaveMessage) message;
				this.storeFactory.onLeave(leave.getNamespace(), leave.getSessionId(), leave.getRooms());
			}
			default -> {
				// CONNECT and DISCONNECT: nothing for Node peers
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
