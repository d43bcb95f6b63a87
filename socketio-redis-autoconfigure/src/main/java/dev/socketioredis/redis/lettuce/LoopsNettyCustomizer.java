package dev.socketioredis.redis.lettuce;

import java.util.function.Consumer;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;

/**
 * The application's customizer of Lettuce's connections, then what the event loops Lettuce borrows need of a
 * connection made on them (such as the ring of receive buffers of io_uring's loops).
 */
public final class LoopsNettyCustomizer implements NettyCustomizer {

	private final NettyCustomizer application;

	private final Consumer<Bootstrap> loopsSetup;

	public LoopsNettyCustomizer(NettyCustomizer application, Consumer<Bootstrap> loopsSetup) {
		this.application = application;
		this.loopsSetup = loopsSetup;
	}

	@Override
	public void afterBootstrapInitialized(Bootstrap bootstrap) {
		this.application.afterBootstrapInitialized(bootstrap);
		this.loopsSetup.accept(bootstrap);
	}

	@Override
	public void afterChannelInitialized(Channel channel) {
		this.application.afterChannelInitialized(channel);
	}

}
