package dev.socketioredis.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.channel.uring.IoUringSocketChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class NodeTransportTests {

	@Test
	void aTransportIsKnownByItsClientChannels() {
		assertThat(NodeTransport.ofSocketChannel(NioSocketChannel.class)).contains(NodeTransport.NIO);
		assertThat(NodeTransport.ofSocketChannel(EpollSocketChannel.class)).contains(NodeTransport.EPOLL);
		assertThat(NodeTransport.ofSocketChannel(IoUringSocketChannel.class)).contains(NodeTransport.IO_URING);
	}

	@Test
	void otherChannelsAreNoTransportOfANode() {
		assertThat(NodeTransport.ofSocketChannel(LocalChannel.class)).isEmpty();
	}

	/** netty-socketio sets NIO's server channel before the transport replaces it. */
	@ParameterizedTest
	@EnumSource(NodeTransport.class)
	void aServerBootstrapMakesListeningChannelsOfTheTransport(NodeTransport transport) {
		assumeThat(runsHere(transport)).as("%s runs here", transport).isTrue();
		ServerBootstrap bootstrap = new ServerBootstrap().channel(NioServerSocketChannel.class);
		transport.useFor(bootstrap);
		Channel channel = bootstrap.config().channelFactory().newChannel();
		channel.unsafe().closeForcibly();
		assertThat(channel).isInstanceOf(transport.serverChannelClass());
	}

	/** The ring's group: without it, a channel on io_uring's loops waits for readiness, then asks for each read. */
	@Test
	void ioUringsClientsAndConnectionsReadIntoTheLoopsRingOfReceiveBuffers() {
		assumeThat(IoUring.isAvailable() && IoUring.isRegisterBufferRingSupported()).as("io_uring buffer rings")
			.isTrue();
		ServerBootstrap server = new ServerBootstrap().channel(NioServerSocketChannel.class);
		NodeTransport.IO_URING.useFor(server);
		assertThat(server.config().childOptions()).containsEntry(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID,
				(short) 0);
		Bootstrap connection = new Bootstrap();
		NodeTransport.IO_URING.useFor(connection);
		assertThat(connection.config().options()).containsEntry(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID,
				(short) 0);
	}

	@ParameterizedTest
	@EnumSource(value = NodeTransport.class, names = { "NIO", "EPOLL" })
	void otherTransportsSetNoOptionOfAConnection(NodeTransport transport) {
		Bootstrap connection = new Bootstrap();
		transport.useFor(connection);
		assertThat(connection.config().options()).isEmpty();
	}

	static boolean runsHere(NodeTransport transport) {
		return switch (transport) {
			case NIO -> true;
			case EPOLL -> Epoll.isAvailable();
			case IO_URING -> IoUring.isAvailable();
		};
	}

}
