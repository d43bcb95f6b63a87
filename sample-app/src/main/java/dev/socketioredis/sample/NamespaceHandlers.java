package dev.socketioredis.sample;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;

/**
 * Listeners that the sample registers on each of its namespaces ({@link SampleNamespaces}), so that every handler
 * serves {@code /} and {@code /admin} alike.
 */
interface NamespaceHandlers {

	/** Adds this set's listeners to a namespace. */
	void registerOn(SocketIONamespace namespace);

	/**
	 * The Socket.IO name of the client's namespace, as the starter's API takes it: netty-socketio names the default
	 * namespace {@code ""}, Socket.IO names it {@code /}.
	 */
	static String namespaceOf(SocketIOClient client) {
		String name = client.getNamespace().getName();
		return name.isEmpty() ? "/" : name;
	}

}
