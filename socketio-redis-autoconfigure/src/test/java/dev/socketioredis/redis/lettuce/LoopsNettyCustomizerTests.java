package dev.socketioredis.redis.lettuce;

import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopsNettyCustomizerTests {

	private final List<String> calls = new ArrayList<>();

	private final NettyCustomizer application = new NettyCustomizer() {

		@Override
		public void afterBootstrapInitialized(Bootstrap bootstrap) {
			LoopsNettyCustomizerTests.this.calls.add("application's bootstrap");
		}

		@Override
		public void afterChannelInitialized(Channel channel) {
			LoopsNettyCustomizerTests.this.calls.add("application's channel");
		}

	};

	private final LoopsNettyCustomizer customizer = new LoopsNettyCustomizer(this.application,
			(bootstrap) -> this.calls.add("loops' bootstrap"));

	/** What the loops need comes last: an application's customizer cannot undo it. */
	@Test
	void aConnectionsBootstrapGetsTheApplicationsCustomizingThenWhatTheLoopsNeed() {
		this.customizer.afterBootstrapInitialized(new Bootstrap());
		assertThat(this.calls).containsExactly("application's bootstrap", "loops' bootstrap");
	}

	@Test
	void aConnectionsChannelIsTheApplicationsToCustomize() {
		this.customizer.afterChannelInitialized(new EmbeddedChannel());
		assertThat(this.calls).containsExactly("application's channel");
	}

}
