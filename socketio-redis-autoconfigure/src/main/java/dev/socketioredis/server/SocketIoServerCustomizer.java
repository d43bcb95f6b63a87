package dev.socketioredis.server;

import com.corundumstudio.socketio.Configuration;

/**
 * Customizes netty-socketio's {@link Configuration} before the {@code SocketIOServer} is created from it (the server
 * copies it, so later changes have no effect). Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface SocketIoServerCustomizer {

	void customize(Configuration configuration);

}
