package dev.socketioredis.redis.lettuce;

import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link BorrowedEventLoops}: Lettuce gets the node's loops and can never shut them down.
 */
class BorrowedEventLoopsTests {

	private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

	private final BorrowedEventLoops provider = new BorrowedEventLoops(this.loops);

	@AfterEach
	void shutDown() {
		this.loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void lettuceGetsTheNodesLoopsForItsTransport() {
		assertThat(this.provider.allocate(Transports.eventLoopGroupClass())).isSameAs(this.loops);
		assertThat(this.provider.threadPoolSize()).isEqualTo(2);
	}

	@Test
	void loopsOfAnotherKindAreRefused() {
		class OtherLoops extends MultiThreadIoEventLoopGroup {

			OtherLoops() {
				super(1, LocalIoHandler.newFactory());
			}

		}
		assertThatIllegalStateException().isThrownBy(() -> this.provider.allocate(OtherLoops.class))
			.withMessageContaining(OtherLoops.class.getName());
	}

	@Test
	void releasingOrShuttingDownLeavesThemRunning() {
		assertThat(this.provider.release(this.loops, 0, 1, TimeUnit.SECONDS).syncUninterruptibly().getNow()).isTrue();
		assertThat(this.provider.shutdown(0, 1, TimeUnit.SECONDS).syncUninterruptibly().getNow()).isTrue();
		assertThat(this.loops.isShuttingDown()).isFalse();
		assertThat(this.loops.next().submit(() -> "still running").syncUninterruptibly().getNow())
			.isEqualTo("still running");
	}

}
