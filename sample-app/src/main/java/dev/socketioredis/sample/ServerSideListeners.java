package dev.socketioredis.sample;

import java.util.ArrayList;
import java.util.List;

import dev.socketioredis.adapter.ServerSideEventListener;
import dev.socketioredis.adapter.SocketIoCluster;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server-side listeners of {@code bench/CLUSTER-HOOKS.md}, as {@link ServerSideEventListener} beans that the
 * starter registers on the adapter of their namespace, one per event and namespace:
 * <ul>
 * <li>{@code whoami}: acknowledges with this node's {@code SERVER_ID}</li>
 * <li>{@code relay args...}: emits {@code relayed (SERVER_ID, args...)} to this node's own sockets of the namespace,
 * and acknowledges with {@code SERVER_ID} when asked</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ServerSideListeners {

	@Bean
	ServerSideEventListener whoamiListener(@Value("${sample.server-id}") String serverId) {
		return new Whoami("/", serverId);
	}

	@Bean
	ServerSideEventListener adminWhoamiListener(@Value("${sample.server-id}") String serverId) {
		return new Whoami(SampleNamespaces.ADMIN, serverId);
	}

	@Bean
	ServerSideEventListener relayListener(ObjectProvider<SocketIoCluster> cluster,
			@Value("${sample.server-id}") String serverId) {
		return new Relay("/", serverId, cluster);
	}

	@Bean
	ServerSideEventListener adminRelayListener(ObjectProvider<SocketIoCluster> cluster,
			@Value("${sample.server-id}") String serverId) {
		return new Relay(SampleNamespaces.ADMIN, serverId, cluster);
	}

	record Whoami(String namespace, String serverId) implements ServerSideEventListener {

		@Override
		public String event() {
			return "whoami";
		}

		@Override
		public Object onEvent(List<Object> args) {
			return this.serverId;
		}

	}

	/**
	 * The cluster comes from a provider: the starter needs the listeners to create the adapters that
	 * {@link SocketIoCluster} hands out, so it cannot be injected into one directly.
	 */
	record Relay(String namespace, String serverId, ObjectProvider<SocketIoCluster> cluster)
			implements ServerSideEventListener {

		@Override
		public String event() {
			return "relay";
		}

		@Override
		public Object onEvent(List<Object> args) {
			List<Object> relayed = new ArrayList<>(args.size() + 1);
			relayed.add(this.serverId);
			relayed.addAll(args);
			this.cluster.getObject().of(this.namespace).local().emit("relayed", relayed.toArray());
			return this.serverId;
		}

	}

}
