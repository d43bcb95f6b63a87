package dev.socketioredis.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
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

	static boolean runsHere(NodeTransport transport) {
		return switch (transport) {
			case NIO -> true;
			case EPOLL -> Epoll.isAvailable();
			case IO_URING -> IoUring.isAvailable();
		};
	}

}
