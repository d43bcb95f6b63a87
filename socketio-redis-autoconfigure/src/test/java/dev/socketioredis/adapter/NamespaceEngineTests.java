package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.socketioredis.adapter.AdapterObserver.MessageKind;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import dev.socketioredis.protocol.ClassicRequest;
import dev.socketioredis.protocol.ClassicResponse;
import dev.socketioredis.protocol.MalformedMessageException;
import dev.socketioredis.protocol.Room;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The engine of a namespace on three nodes of an in-memory cluster ({@link InMemoryCluster}), each with in-memory
 * sockets: every request type in both directions, echoes, timeouts with partial answers, silent nodes, unreadable
 * messages and many requests at once. Node A has sockets {@code a1} (rooms {@code r1}) and {@code a2}; B has
 * {@code b1} ({@code r1}, {@code r2}); C has {@code c1} ({@code r2}).
 */
class NamespaceEngineTests {

	private static final Duration REQUESTS_TIMEOUT = Duration.ofMillis(500);

	private static final BroadcastOptions ALL = BroadcastOptions.wholeNamespace(BroadcastOptions.Layout.ADAPTER);

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	private final InMemoryCluster cluster = new InMemoryCluster();

	private final List<String> dropped = new CopyOnWriteArrayList<>();

	private final List<ServerSideEventListener> serverSideListeners = new ArrayList<>();

	private final InMemorySockets socketsOfA = new InMemorySockets().connect("a1", "r1").connect("a2");

	private final InMemorySockets socketsOfB = new InMemorySockets().connect("b1", "r1", "r2");

	private final InMemorySockets socketsOfC = new InMemorySockets().connect("c1", "r2");

	private NamespaceAdapter nodeA;

	private NamespaceAdapter nodeB;

	private NamespaceAdapter nodeC;

	private void startNodes() {
		this.nodeA = node("A", this.socketsOfA);
		this.nodeB = node("B", this.socketsOfB);
		this.nodeC = node("C", this.socketsOfC);
	}

	private NamespaceAdapter node(String uid, InMemorySockets sockets) {
		AdapterObserver observer = new AdapterObserver() {

			@Override
			public void dropped(String namespace, MessageKind kind, String reason) {
				NamespaceEngineTests.this.dropped.add(uid + " " + kind.tag() + " " + reason);
			}

		};
		EngineSettings settings = new EngineSettings(REQUESTS_TIMEOUT, List.of(), this.serverSideListeners, observer);
		NamespaceEngine engine = new NamespaceEngine("/", uid, sockets, this.cluster.transport("/"), settings,
				this.timer);
		engine.start();
		return new NamespaceAdapter(engine, REQUESTS_TIMEOUT);
	}

	@AfterEach
	void stop() {
		this.cluster.close();
		this.timer.shutdownNow();
	}

	@Test
	void aBroadcastReachesEachTargetOnceOnEveryNode() {
		startNodes();
		this.nodeA.to("r1", "r2").except("a2").emit("news", 1).join();

		await().until(() -> this.socketsOfC.received.size() == 1);
		assertThat(this.socketsOfA.received).containsExactly("a1 news [1]");
		assertThat(this.socketsOfB.received).containsExactly("b1 news [1]");
		assertThat(this.socketsOfC.received).containsExactly("c1 news [1]");
	}

	@Test
	void aLocalBroadcastStaysOnItsNode() {
		startNodes();
		this.nodeA.local().emit("local").join();
		this.nodeA.emit("everywhere").join(); // delivered in order after the first, had it travelled

		await().until(() -> this.socketsOfB.received.size() == 1);
		assertThat(this.socketsOfB.received).containsExactly("b1 everywhere []");
		assertThat(this.socketsOfA.received).containsExactly("a1 local []", "a2 local []", "a1 everywhere []",
				"a2 everywhere []");
	}

	@Test
	void broadcastsOfOtherNamespacesAndNonEventsAreNotDelivered() {
		startNodes();
		BroadcastPacket otherNamespace = BroadcastPacket.event("/admin", "elsewhere", List.of());
		BroadcastPacket notAnEvent = new BroadcastPacket(3, List.of("ack"), "/");
		this.cluster.deliver("/", (node) -> node.onBroadcast(new BroadcastMessage("X", otherNamespace, ALL)));
		this.cluster.deliver("/", (node) -> node.onBroadcast(new BroadcastMessage("X", notAnEvent, ALL)));
		this.nodeC.emit("barrier").join();

		await().until(() -> this.socketsOfA.received.size() == 2);
		assertThat(this.socketsOfA.received).containsExactly("a1 barrier []", "a2 barrier []");
	}

	@Test
	void fetchSocketsAndAllRoomsCollectEveryNode() {
		startNodes();
		assertThat(this.nodeB.in("r1", "r2").fetchSockets().join()).extracting(RemoteSocket::id)
			.containsExactlyInAnyOrder("a1", "b1", "c1");
		assertThat(this.nodeA.fetchSockets().join()).hasSize(4);
		assertThat(this.nodeC.allRooms().join()).containsExactlyInAnyOrder("a1", "a2", "b1", "c1", "r1", "r2");
		assertThat(this.nodeA.monitor().pendingRequests()).isZero();
	}

	@Test
	void joinsLeavesAndDisconnectsApplyOnceOnEveryNode() {
		startNodes();
		this.nodeA.in("r2").socketsJoin("r3").join();
		await().until(() -> this.socketsOfC.roomsOf("c1").contains("r3"));
		assertThat(this.socketsOfB.roomsOf("b1")).contains("r3");
		assertThat(this.socketsOfA.roomsOf("a1")).doesNotContain("r3");

		this.nodeC.in("r3").socketsLeave("r1").join();
		await().until(() -> !this.socketsOfB.roomsOf("b1").contains("r1"));

		this.nodeB.in("r2").disconnectSockets(true).join();
		await().until(() -> this.socketsOfC.disconnected.contains("c1 closed"));
		assertThat(this.socketsOfB.disconnected).containsExactly("b1 closed");
		assertThat(this.socketsOfA.disconnected).isEmpty();
	}

	@Test
	void anEmittersRequestWithoutUidAppliesOnEveryNode() {
		startNodes();
		this.cluster.deliver("/", (node) -> node
			.onRequest(new ClassicRequest.SocketsJoin(null, ALL.to("r1"), List.of("from-emitter"), null)));
		await().until(() -> this.socketsOfB.roomsOf("b1").contains("from-emitter"));
		assertThat(this.socketsOfA.roomsOf("a1")).contains("from-emitter");
	}

	@Test
	void serverSideEmitsReachTheOtherNodesListenersAndCollectTheirAnswers() {
		List<String> heard = new CopyOnWriteArrayList<>();
		this.serverSideListeners.add(ServerSideEventListener.of("whoami", (args) -> {
			heard.add(String.valueOf(args));
			return "node-" + heard.size();
		}));
		startNodes();

		List<@Nullable Object> answers = this.nodeA.serverSideEmitWithAck("whoami", "x").join();

		assertThat(answers).containsExactlyInAnyOrder("node-1", "node-2");
		assertThat(heard).containsExactly("[x]", "[x]");
		this.nodeB.serverSideEmit("whoami", "y").join();
		await().until(() -> heard.size() == 4);
	}

	@Test
	void aBroadcastWithAcknowledgementsCollectsEveryClientsAnswer() {
		this.socketsOfA.answering("a1", "from-a1").answering("a2", "from-a2");
		this.socketsOfB.answering("b1", "from-b1");
		this.socketsOfC.answering("c1", "from-c1");
		startNodes();

		assertThat(this.nodeB.timeout(Duration.ofSeconds(5)).to("r1", "r2").emitWithAck("ask", "q").join())
			.containsExactlyInAnyOrder("from-a1", "from-b1", "from-c1");
		assertThat(this.nodeB.monitor().pendingRequests()).isZero();
	}

	@Test
	void aSilentNodeMakesRequestsTimeOutWithThePartialAnswers() {
		this.serverSideListeners.add(ServerSideEventListener.of("whoami", (args) -> "answer"));
		startNodes();
		this.cluster.silentTransport("/");

		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.nodeA.fetchSockets().get(5, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(RequestTimeoutException.class, (timeout) -> {
				assertThat(timeout).hasMessageEndingWith("only 3 responses received out of 4");
				assertThat(timeout.partial()).extracting((socket) -> ((RemoteSocket) socket).id())
					.containsExactlyInAnyOrder("a1", "a2", "b1", "c1");
			});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.nodeA.serverSideEmitWithAck("whoami").get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(RequestTimeoutException.class);
		assertThat(this.nodeA.monitor().pendingRequests()).isZero();
	}

	@Test
	void anEchoOfItsOwnRequestIsNotAnsweredByItsSender() {
		startNodes();
		List<ClassicResponse> responses = new CopyOnWriteArrayList<>();
		InMemorySockets socketsOfD = new InMemorySockets().connect("d1");
		NamespaceEngine listening = new NamespaceEngine("/", "D", socketsOfD,
				this.cluster.transport("/", responses::add),
				new EngineSettings(REQUESTS_TIMEOUT, List.of(), List.of(), AdapterObserver.NONE), this.timer);
		listening.start();

		assertThat(new NamespaceAdapter(listening, REQUESTS_TIMEOUT).fetchSockets().join()).hasSize(5);
		// its own echo reached D too, which answered nothing to it: three answers, from A, B and C
		assertThat(responses).hasSize(3);
	}

	@Test
	void unreadableAndUnknownMessagesAreCountedAndDropped() {
		startNodes();
		this.cluster.deliver("/", (node) -> node.onUnreadable(MessageKind.REQUEST, "an unreadable request",
				new MalformedMessageException("not JSON")));
		this.cluster.deliver("/", (node) -> node.onUnreadable(MessageKind.REQUEST, "no known type", null));
		this.cluster.deliver("/", (node) -> node.onRequest(new ClassicRequest.ServerSideEmit("X", null, List.of())));
		this.cluster.deliver("/", (node) -> node.onUnreadable(MessageKind.BROADCAST, "garbage", null));

		await().until(() -> this.dropped.size() == 12);
		assertThat(this.nodeA.monitor().ignoredRequests()).isEqualTo(3);
		assertThat(this.dropped).filteredOn((drop) -> drop.startsWith("B "))
			.containsExactly("B request undecodable", "B request unknown", "B request unknown", "B broadcast unknown");
	}

	@Test
	void aLegacyJoinOfOneSocketIsAnsweredWithItsRequestId() {
		startNodes();
		List<ClassicResponse> responses = new CopyOnWriteArrayList<>();
		NamespaceEngine listening = new NamespaceEngine("/", "D", new InMemorySockets(),
				this.cluster.transport("/", responses::add),
				new EngineSettings(REQUESTS_TIMEOUT, List.of(), List.of(), AdapterObserver.NONE), this.timer);
		listening.start();
		this.cluster.deliver("/", (node) -> node
			.onRequest(new ClassicRequest.SocketsJoin("old", ALL.to("c1"), List.of("lobby"), "legacy-1")));

		await().until(() -> this.socketsOfC.roomsOf("c1").contains("lobby"));
		assertThat(this.socketsOfA.roomsOf("a1")).doesNotContain("lobby");
		// every node that applied it answers, as adapters before 6.1 wait for
		await().until(() -> responses.size() == 4);
		assertThat(responses).containsOnly(new ClassicResponse.Done("legacy-1"));
	}

	@Test
	void theSocketIdsRequestOfOlderNodesIsAnsweredByEveryNode() {
		startNodes();
		List<ClassicResponse> responses = new CopyOnWriteArrayList<>();
		this.cluster.transport("/", responses::add).start(new IgnoringListener());
		this.cluster.deliver("/", (node) -> node
			.onRequest(new ClassicRequest.SocketIds("old", "ids-1", List.of(Room.of("r1")))));

		await().until(() -> responses.size() == 3);
		assertThat(responses).containsExactlyInAnyOrder(new ClassicResponse.SocketIds("ids-1", List.of("a1")),
				new ClassicResponse.SocketIds("ids-1", List.of("b1")), new ClassicResponse.SocketIds("ids-1", List.of()));
	}

	@Test
	void manyConcurrentRequestsAllCompleteAndLeaveNothingPending() {
		startNodes();
		List<CompletableFuture<List<RemoteSocket>>> requests = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			requests.add(((i % 2 == 0) ? this.nodeA : this.nodeB).in("r2").fetchSockets());
		}
		CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();

		assertThat(requests).allSatisfy((request) -> assertThat(request.join()).hasSize(2));
		assertThat(this.nodeA.monitor().pendingRequests()).isZero();
		assertThat(this.nodeB.monitor().pendingRequests()).isZero();
	}

	@Test
	void closingFailsThePendingRequests() {
		startNodes();
		this.cluster.silentTransport("/");
		CompletableFuture<List<RemoteSocket>> pending = this.nodeA.fetchSockets();
		await().until(() -> this.nodeA.monitor().pendingRequests() == 1);

		this.nodeA.engine().close();

		assertThat(pending).failsWithin(Duration.ofSeconds(1))
			.withThrowableThat()
			.withMessageContaining("was closed");
	}

	@Test
	void aRoomsFirstMemberAndItsLastLeaveAreToldToTheTransportAndTheListeners() {
		List<String> events = new CopyOnWriteArrayList<>();
		RoomEventListener listener = new RoomEventListener() {

			@Override
			public void roomCreated(String namespace, String room) {
				events.add("created " + room);
			}

			@Override
			public void roomDeleted(String namespace, String room) {
				events.add("deleted " + room);
			}

		};
		NamespaceEngine engine = new NamespaceEngine("/", "A", this.socketsOfA, this.cluster.transport("/"),
				new EngineSettings(REQUESTS_TIMEOUT, List.of(listener), List.of(), AdapterObserver.NONE), this.timer);
		engine.onJoin("r9", "a1");
		engine.onJoin("r9", "a2");
		engine.onLeave("r9", "a1");
		engine.onLeave("r9", "a2");

		assertThat(events).containsExactly("created r9", "deleted r9");
	}

	/** A node with no engine: it only watches the bus. */
	private static final class IgnoringListener implements ClusterTransport.Listener {

		@Override
		public void onBroadcast(BroadcastMessage broadcast) {
		}

		@Override
		public void onRequest(ClassicRequest request) {
		}

		@Override
		public void onResponse(ClassicResponse response) {
		}

		@Override
		public void onUnreadable(MessageKind kind, String what, @Nullable Exception cause) {
		}

		@Override
		public boolean hostsRoom(String room) {
			return false;
		}

	}

}
