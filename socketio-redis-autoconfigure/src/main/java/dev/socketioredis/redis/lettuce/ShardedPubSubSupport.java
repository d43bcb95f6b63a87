package dev.socketioredis.redis.lettuce;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a Redis server has sharded pub/sub, from its {@code INFO server}: Redis 7.0 brought it. */
final class ShardedPubSubSupport {

	private static final Pattern VERSION = Pattern.compile("^redis_version:(\\d+)\\.(\\d+)\\S*", Pattern.MULTILINE);

	private ShardedPubSubSupport() {
	}

	/**
	 * @param info the answer to {@code INFO server}
	 * @throws IllegalStateException when the server is older than 7.0, saying so
	 */
	static void require(String info) {
		Optional<String> version = version(info);
		if (version.isPresent() && Integer.parseInt(version.get().split("\\.")[0]) < 7) {
			throw new IllegalStateException("The sharded transport (socketio.redis.transport=sharded) needs Redis 7.0 "
					+ "or later for SPUBLISH and SSUBSCRIBE, but Redis is " + version.get()
					+ ": upgrade it, or use the classic transport");
		}
	}

	/** Empty when the server does not say (a proxy may not): it then fails on the first sharded command. */
	static Optional<String> version(String info) {
		Matcher matcher = VERSION.matcher(info);
		return matcher.find() ? Optional.of(matcher.group().substring("redis_version:".length()))
				: Optional.empty();
	}

}
