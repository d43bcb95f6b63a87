package dev.socketioredis.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socketioredis.adapter.AdapterObserver;
import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import dev.socketioredis.adapter.ClusterTransport;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.ChannelNames;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.ClusterAdapterCodec;
import dev.socketioredis.protocol.ShardedChannels;
import dev.socketioredis.protocol.SubscriptionMode;
import dev.socketioredis.test.NodeVectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ShardedTransport} on an in-memory sharded pub/sub, against what Node's sharded adapter published in each
 * subscription mode ({@code sharded-adapter-vectors.json}): every captured message reaches the engine as the message
 * it stands for, and the engine's message goes out again with Node's bytes, on Node's channel.
 */
class ShardedTransportTests {

	private static final HexFormat HEX = HexFormat.of();

	private final ScheduledExecutorService roomSubscriber = RoomChannelSubscriptions.newWorker();

	private final InMemoryShardedPubSub redis = new InMemoryShardedPubSub();

	private final Recorder engine = new Recorder();

	@AfterEach
	void stop() {
		this.roomSubscriber.shutdownNow();
	}

	static Stream<Arguments> capturedMessages() {
		return NodeVectors.sharded().stream().map((vector) -> Arguments.of(vector.get("id").asText(), vector));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("capturedMessages")
	void everyNodeMessageReachesTheEngineAndGoesOutAgainAsNodeSentIt(String id, JsonNode vector) {
		SubscriptionMode mode = SubscriptionMode.valueOf(vector.get("mode").asText().toUpperCase().replace('-', '_'));
		byte[] captured = HEX.parseHex(vector.get("hex").asText());
		String channel = vector.get("channel").asText();
		ShardedTransport transport = start(mode, "receiver");

		this.redis.deliver("socket.io#/#", captured); // every message is read the same, whatever its channel

		assertThat(this.engine.received).hasSize(1);
		Object message = this.engine.received.get(0);
		this.redis.published.clear();
		if (message instanceof BroadcastMessage broadcast) {
			transport.publish(broadcast);
		}
		else if (message instanceof ClassicRequest request) {
			transport.publish(request);
		}
		else {
			String requester = channel.substring("socket.io#/#".length(), channel.length() - 1);
			start(mode, uidOf(captured)).publish(requester, (ClassicResponse) message);
		}
		InMemoryShardedPubSub.Published sent = this.redis.published.get(this.redis.published.size() - 1);
		assertThat(sent.channel()).isEqualTo(channel);
		assertThat(HEX.formatHex(sent.message())).isEqualTo(vector.get("hex").asText());
	}

	@ParameterizedTest
	@EnumSource(SubscriptionMode.class)
	void subscribesToTheRoomsBroadcastsToThemAloneTravelOn(SubscriptionMode mode) {
		ShardedTransport transport = start(mode, "uid1");
		String javaSocketId = "3f1c6a53-7b0e-4a8e-9d2f-6b1d1c0e7a11";
		String nodeSocketId = "aWnvIHyqxKdl_roYAAAF";
		for (String room : List.of("room1", javaSocketId, nodeSocketId)) {
			this.engine.rooms.add(room);
			transport.roomCreated(room);
		}
		transport.whenReceiving(List.copyOf(this.engine.rooms)).join();

		Set<String> expected = switch (mode) {
			case STATIC -> Set.of();
			// Node publishes to a room on its channel unless it has the 20 characters of a Socket.IO id
			case DYNAMIC -> Set.of("socket.io#/#room1#", "socket.io#/#" + javaSocketId + "#");
			case DYNAMIC_PRIVATE -> Set.of("socket.io#/#room1#", "socket.io#/#" + javaSocketId + "#",
					"socket.io#/#" + nodeSocketId + "#");
		};
		assertThat(this.redis.subscribed.keySet()).containsExactlyInAnyOrderElementsOf(
				Stream.concat(Stream.of("socket.io#/#", "socket.io#/#uid1#"), expected.stream()).toList());

		this.engine.rooms.clear();
		List.of("room1", javaSocketId, nodeSocketId).forEach(transport::roomDeleted);
		await().until(() -> this.redis.subscribed.size() == 2);
	}

	@Test
	void aRoomChannelMessageForARoomWithoutLocalMemberIsNotRead() {
		ShardedTransport transport = start(SubscriptionMode.DYNAMIC, "uid1");
		this.engine.rooms.add("room1");
		transport.roomCreated("room1");
		transport.whenReceiving(List.of("room1")).join();
		this.engine.rooms.clear(); // its last member left; the channel is not unsubscribed yet

		this.redis.deliver("socket.io#/#room1#", new byte[] { 0x7b, 0x00 });

		assertThat(this.engine.unreadable).isEmpty();
		assertThat(this.engine.received).isEmpty();
		assertThat(transport.receivedMessages()).isOne();
	}

	@Test
	void anUnreadableMessageIsReportedNotThrown() {
		start(SubscriptionMode.DYNAMIC, "uid1");

		this.redis.deliver("socket.io#/#", new byte[] { 0x7b, 0x00 });
		this.redis.deliver("socket.io#/#", "{\"type\":99,\"data\":{},\"uid\":\"x\",\"nsp\":\"/\"}".getBytes());

		assertThat(this.engine.unreadable).containsExactly(MessageKind.BROADCAST, MessageKind.REQUEST);
	}

	@Test
	void nodeCannotBeAskedForItsRoomsSoTheEngineAsksForSockets() {
		ShardedTransport transport = start(SubscriptionMode.DYNAMIC, "uid1");

		assertThat(transport.carriesAllRooms()).isFalse();
		assertThat(transport.publish(new ClassicRequest.AllRooms("uid1", "r1"))).isCompletedExceptionally();
	}

	private ShardedTransport start(SubscriptionMode mode, String uid) {
		ShardedTransport transport = new ShardedTransport("/", uid,
				new ShardedSettings(new ShardedChannels(new ChannelNames("socket.io"), mode), this.redis,
						new ClusterAdapterCodec(), Duration.ofMillis(20), AdapterObserver.NONE),
				this.roomSubscriber);
		transport.start(this.engine);
		return transport;
	}

	private static String uidOf(byte[] captured) {
		String json = new String(captured);
		int start = json.indexOf("\"uid\":\"") + 7;
		return json.substring(start, json.indexOf('"', start));
	}

	/** The engine's side: what it was handed. */
	static final class Recorder implements ClusterTransport.Listener {

		final List<Object> received = new CopyOnWriteArrayList<>();

		final List<MessageKind> unreadable = new CopyOnWriteArrayList<>();

		final List<String> rooms = new ArrayList<>();

		@Override
		public void onBroadcast(BroadcastMessage broadcast) {
			this.received.add(broadcast);
		}

		@Override
		public void onRequest(ClassicRequest request) {
			this.received.add(request);
		}

		@Override
		public void onResponse(ClassicResponse response) {
			this.received.add(response);
		}

		@Override
		public void onUnreadable(MessageKind kind, String what, @Nullable Exception cause) {
			this.unreadable.add(kind);
		}

		@Override
		public boolean hostsRoom(String room) {
			return this.rooms.contains(room);
		}

	}

}
