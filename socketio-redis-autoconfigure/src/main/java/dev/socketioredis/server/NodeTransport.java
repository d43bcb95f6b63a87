package dev.socketioredis.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.function.Supplier;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ChannelFactory;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ReflectiveChannelFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

/**
 * How a node's event loops do their I/O: through the JDK's NIO, or Linux's io_uring or epoll through Netty's native
 * library for it (a jar of its own). io_uring hands the kernel the socket writes of a turn together, in one system
 * call: in the benchmark's {@code fanout}, half of NIO's CPU per delivery; in {@code many-rooms}, a third of its system
 * calls and some 7 % less CPU. epoll's one call per write measured within the noise of NIO's
 * ({@code docs/performance.md}).
 *
 * <p>
 * The classes of a native transport are only loaded once it is chosen, so its jars may be absent.
 */
public enum NodeTransport {

	// suppliers, not class literals or method references: those would load a native transport's classes with the enum
	NIO("io.netty.channel.socket.nio.NioSocketChannel", () -> NioIoHandler.newFactory(),
			() -> NioServerSocketChannel.class, () -> NioSocketChannel.class),

	EPOLL("io.netty.channel.epoll.EpollSocketChannel", () -> EpollIoHandler.newFactory(),
			() -> EpollServerSocketChannel.class, () -> EpollSocketChannel.class),

	IO_URING("io.netty.channel.uring.IoUringSocketChannel", () -> IoUringReceiveBuffers.ioHandlerFactory(),
			() -> IoUringServerSocketChannel.class, () -> IoUringSocketChannel.class);

	/** Netty's bootstrap takes a channel's class once: netty-socketio has set NIO's. */
	private static final VarHandle CHANNEL_FACTORY = channelFactoryField();

	/** Compared by name: the class itself cannot be loaded without its transport's jar. */
	private final String socketChannelClassName;

	private final Supplier<IoHandlerFactory> ioHandlerFactory;

	private final Supplier<Class<? extends ServerChannel>> serverChannelClass;

	private final Supplier<Class<? extends Channel>> socketChannelClass;

	NodeTransport(String socketChannelClassName, Supplier<IoHandlerFactory> ioHandlerFactory,
			Supplier<Class<? extends ServerChannel>> serverChannelClass,
			Supplier<Class<? extends Channel>> socketChannelClass) {
		this.socketChannelClassName = socketChannelClassName;
		this.ioHandlerFactory = ioHandlerFactory;
		this.serverChannelClass = serverChannelClass;
		this.socketChannelClass = socketChannelClass;
	}

	/** The transport whose client connections are channels of this class, if it is one of these. */
	public static Optional<NodeTransport> ofSocketChannel(Class<?> socketChannelClass) {
		for (NodeTransport transport : values()) {
			if (transport.socketChannelClassName.equals(socketChannelClass.getName())) {
				return Optional.of(transport);
			}
		}
		return Optional.empty();
	}

	/** Makes the server's listening channel, and so the clients' channels it accepts, channels these loops run. */
	void useFor(ServerBootstrap bootstrap) {
		CHANNEL_FACTORY.set(bootstrap, new ReflectiveChannelFactory<>(serverChannelClass()));
		if (this == IO_URING) {
			IoUringReceiveBuffers.useFor(bootstrap);
		}
	}

	/** Sets what a connection made on these loops (such as one to Redis) needs of them. */
	public void useFor(Bootstrap connection) {
		if (this == IO_URING) {
			IoUringReceiveBuffers.useFor(connection);
		}
	}

	IoHandlerFactory ioHandlerFactory() {
		return this.ioHandlerFactory.get();
	}

	Class<? extends ServerChannel> serverChannelClass() {
		return this.serverChannelClass.get();
	}

	/** The class of the client connections the loops of this transport run. */
	public Class<? extends Channel> socketChannelClass() {
		return this.socketChannelClass.get();
	}

	private static VarHandle channelFactoryField() {
		try {
			return MethodHandles.privateLookupIn(AbstractBootstrap.class, MethodHandles.lookup())
				.findVarHandle(AbstractBootstrap.class, "channelFactory", ChannelFactory.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("This Netty's bootstrap has no field 'channelFactory': socketio-redis needs "
					+ "the Netty version it was built with", ex);
		}
	}

}
