package dev.socketioredis.metrics;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.ProtocolKeyword;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.tracing.LettuceObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Leaves the adapter's own {@code PUBLISH} and {@code SPUBLISH} commands out of the observation Spring Boot attaches
 * to every Lettuce command. There is one per broadcast, and each observation (a timer lookup and its tags, a span when
 * tracing is on) cost a node 4 % of its CPU in the benchmark's {@code many-rooms}. The adapter counts what it
 * publishes itself ({@code socketio.redis.messages.published}, {@code socketio.redis.publish.failures}). Every other
 * command, the application's own publishes included, is observed as before.
 */
public final class AdapterPublishObservationFilter implements ObservationPredicate {

	private static final Set<ProtocolKeyword> PUBLISHES = Set.of(CommandType.PUBLISH, CommandType.SPUBLISH);

	private final byte[] channelPrefix;

	/**
	 * @param key the prefix of every channel of the cluster ({@code socketio.redis.key})
	 */
	public AdapterPublishObservationFilter(String key) {
		this.channelPrefix = key.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (!(context instanceof LettuceObservationContext lettuce) || !lettuce.hasCommand()) {
			return true;
		}
		RedisCommand<?, ?, ?> command = lettuce.getRequiredCommand();
		return !(PUBLISHES.contains(command.getType()) && command.getArgs() != null
				&& startsWithPrefix(command.getArgs().getFirstEncodedKey()));
	}

	private boolean startsWithPrefix(@Nullable ByteBuffer channel) {
		if (channel == null || channel.remaining() < this.channelPrefix.length) {
			return false;
		}
		for (int i = 0; i < this.channelPrefix.length; i++) {
			if (channel.get(channel.position() + i) != this.channelPrefix[i]) {
				return false;
			}
		}
		return true;
	}

}
