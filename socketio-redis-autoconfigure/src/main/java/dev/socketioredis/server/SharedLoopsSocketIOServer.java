package dev.socketioredis.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * A netty-socketio server whose connections run on {@link SocketIoEventLoops} it does not own. netty-socketio makes
 * its own event loops when it starts and shuts them down when it stops; this server takes the node's loops instead,
 * and stopping closes its channels (the listening one and every client's) rather than the loops. Stopping takes as
 * long as closing the channels, not netty-socketio's two seconds of quiet period.
 *
 * <p>
 * The listening channel is of the loops' own {@link NodeTransport}: netty-socketio would make a NIO one. With
 * {@link Configuration#isUseLinuxNativeEpoll()} the server makes and owns epoll loops as netty-socketio does.
 */
public class SharedLoopsSocketIOServer extends SocketIOServer {

	private static final VarHandle BOSS_GROUP = privateField("bossGroup", EventLoopGroup.class);

	private static final VarHandle WORKER_GROUP = privateField("workerGroup", EventLoopGroup.class);

	private static final VarHandle INITIALIZER = privateField("pipelineFactory", SocketIOChannelInitializer.class);

	private final EventLoopGroup loops;

	private final NodeTransport transport;

	/** The listening channel and every client's, each removed when it closes. */
	private final ChannelGroup channels = new DefaultChannelGroup("socketio-server", GlobalEventExecutor.INSTANCE);

	private final boolean ownsLoops;

	public SharedLoopsSocketIOServer(Configuration configuration, SocketIoEventLoops loops) {
		super(configuration);
		this.loops = loops.group();
		this.transport = loops.transport();
		this.ownsLoops = configuration.isUseLinuxNativeEpoll();
	}

	private static VarHandle privateField(String name, Class<?> type) {
		try {
			return MethodHandles.privateLookupIn(SocketIOServer.class, MethodHandles.lookup())
				.findVarHandle(SocketIOServer.class, name, type);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("This netty-socketio has no field '" + name + "' in SocketIOServer: "
					+ "socketio-redis needs the netty-socketio version it was built with", ex);
		}
	}

	@Override
	protected void initGroups() {
		if (this.ownsLoops) {
			super.initGroups();
			return;
		}
		BOSS_GROUP.set(this, this.loops);
		WORKER_GROUP.set(this, this.loops);
	}

	@Override
	protected void applyConnectionOptions(ServerBootstrap bootstrap) {
		super.applyConnectionOptions(bootstrap);
		if (!this.ownsLoops) {
			this.transport.useFor(bootstrap); // netty-socketio has set NIO's
		}
		bootstrap.handler(new ChannelTracker(this.channels));
	}

	@Override
	public void stop() {
		if (this.ownsLoops) {
			super.stop();
			return;
		}
		this.channels.close().awaitUninterruptibly();
		((SocketIOChannelInitializer) INITIALIZER.get(this)).stop(); // its timers and the store factory
	}

	/** On the listening channel: records it, and each client channel it accepts. */
	@ChannelHandler.Sharable
	private static final class ChannelTracker extends ChannelInboundHandlerAdapter {

		private final ChannelGroup channels;

		ChannelTracker(ChannelGroup channels) {
			this.channels = channels;
		}

		@Override
		public void channelRegistered(ChannelHandlerContext ctx) {
			this.channels.add(ctx.channel());
			ctx.fireChannelRegistered();
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) {
			if (message instanceof Channel client) {
				this.channels.add(client);
			}
			ctx.fireChannelRead(message);
		}

	}

}
