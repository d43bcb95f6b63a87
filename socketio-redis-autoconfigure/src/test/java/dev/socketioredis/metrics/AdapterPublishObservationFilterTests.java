package dev.socketioredis.metrics;

import java.nio.charset.StandardCharsets;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.tracing.LettuceObservationContext;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AdapterPublishObservationFilter} on the commands Lettuce builds: the adapter's publishes are left out, every
 * other command is observed.
 */
class AdapterPublishObservationFilterTests {

	private final AdapterPublishObservationFilter filter = new AdapterPublishObservationFilter("socket.io");

	@Test
	void theAdaptersPublishesAreNotObserved() {
		assertThat(observed(CommandType.PUBLISH, "socket.io#/#")).isFalse();
		assertThat(observed(CommandType.PUBLISH, "socket.io#/chat#room1#")).isFalse();
		assertThat(observed(CommandType.PUBLISH, "socket.io-request#/#")).isFalse();
		assertThat(observed(CommandType.SPUBLISH, "socket.io#/#{room1}")).isFalse();
	}

	@Test
	void theApplicationsCommandsAreObserved() {
		assertThat(observed(CommandType.PUBLISH, "news")).isTrue();
		assertThat(observed(CommandType.PUBLISH, "socket")).isTrue();
		assertThat(observed(CommandType.GET, "socket.io#/#")).isTrue();
		assertThat(this.filter.test("redis.command", new LettuceObservationContext("redis"))).isTrue();
		assertThat(this.filter.test("http.server.requests", new Observation.Context())).isTrue();
	}

	@Test
	void theChannelPrefixIsTheClustersKey() {
		AdapterPublishObservationFilter filter = new AdapterPublishObservationFilter("chat-app");
		assertThat(filter.test("redis.command", context(CommandType.PUBLISH, "chat-app#/#"))).isFalse();
		assertThat(filter.test("redis.command", context(CommandType.PUBLISH, "socket.io#/#"))).isTrue();
	}

	private boolean observed(CommandType type, String channel) {
		return this.filter.test("redis.command", context(type, channel));
	}

	private static LettuceObservationContext context(CommandType type, String channel) {
		CommandArgs<byte[], byte[]> args = new CommandArgs<>(ByteArrayCodec.INSTANCE)
			.addKey(channel.getBytes(StandardCharsets.UTF_8))
			.addValue(new byte[] { 1, 2, 3 });
		LettuceObservationContext context = new LettuceObservationContext("redis");
		context.setCommand(new Command<>(type, new IntegerOutput<>(ByteArrayCodec.INSTANCE), args));
		return context;
	}

}
