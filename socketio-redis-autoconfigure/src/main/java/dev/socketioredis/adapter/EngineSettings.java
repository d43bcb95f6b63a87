package dev.socketioredis.adapter;

import java.time.Duration;
import java.util.List;

/**
 * What every namespace engine of a node shares, whatever its transport.
 *
 * @param requestsTimeout how long a request waits for the other nodes' answers
 * @param roomEventListeners notified of room changes of local sockets
 * @param serverSideEventListeners registered on the engine of their namespace
 * @param observer told of traffic, for metrics
 */
public record EngineSettings(Duration requestsTimeout, List<RoomEventListener> roomEventListeners,
		List<ServerSideEventListener> serverSideEventListeners, AdapterObserver observer) {

	public EngineSettings {
		roomEventListeners = List.copyOf(roomEventListeners);
		serverSideEventListeners = List.copyOf(serverSideEventListeners);
	}

}
