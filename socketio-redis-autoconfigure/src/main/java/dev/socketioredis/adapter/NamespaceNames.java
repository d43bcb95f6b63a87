package dev.socketioredis.adapter;

/**
 * netty-socketio names the default namespace {@code ""}, Socket.IO names it {@code "/"}; every other name is the same
 * in both ({@code /admin}).
 */
final class NamespaceNames {

	static final String SOCKET_IO_DEFAULT = "/";

	static final String NETTY_DEFAULT = "";

	private NamespaceNames() {
	}

	static String toSocketIo(String nettyName) {
		return nettyName.equals(NETTY_DEFAULT) ? SOCKET_IO_DEFAULT : nettyName;
	}

	static String toNetty(String socketIoName) {
		return socketIoName.equals(SOCKET_IO_DEFAULT) ? NETTY_DEFAULT : socketIoName;
	}

}
