package dev.socketioredis.redis.lettuce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Redis before 7.0 has no sharded pub/sub: the start-up check says so, and lets every later version through. */
class ShardedPubSubSupportTests {

	@Test
	void redisSixFailsSayingWhatToDo() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ShardedPubSubSupport.require(info("6.2.14")))
			.withMessageContaining("needs Redis 7.0 or later")
			.withMessageContaining("Redis is 6.2.14")
			.withMessageContaining("socketio.redis.transport=sharded")
			.withMessageContaining("classic transport");
	}

	@Test
	void redisSevenAndLaterPass() {
		assertThatNoException().isThrownBy(() -> ShardedPubSubSupport.require(info("7.0.15")));
		assertThatNoException().isThrownBy(() -> ShardedPubSubSupport.require(info("8.2.1")));
		assertThatNoException().isThrownBy(() -> ShardedPubSubSupport.require(info("10.0.0")));
	}

	@Test
	void aServerThatDoesNotSayIsTried() {
		assertThat(ShardedPubSubSupport.version("# Server\r\nredis_mode:cluster\r\n")).isEmpty();
		assertThatNoException().isThrownBy(() -> ShardedPubSubSupport.require("# Server\r\n"));
	}

	private static String info(String version) {
		return "# Server\r\nredis_version:" + version + "\r\nredis_git_sha1:00000000\r\nredis_mode:cluster\r\n";
	}

}
