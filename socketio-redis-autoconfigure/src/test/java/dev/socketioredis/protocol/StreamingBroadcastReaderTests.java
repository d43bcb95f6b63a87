package dev.socketioredis.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamingBroadcastReader} reads the broadcasts every node publishes without the mapper: what it leaves to
 * the mapper, and whether it reads them as the mapper does, is {@link BroadcastCodecTests}'.
 */
class StreamingBroadcastReaderTests {

	private final BroadcastCodec codec = new BroadcastCodec();

	private final StreamingBroadcastReader reader = new StreamingBroadcastReader(new UnusableMapper());

	@Test
	void readsTheUsualBroadcastWithoutTheMapper() throws Exception {
		BroadcastOptions options = new BroadcastOptions(List.of(Room.of("room1"), Room.of(42)),
				List.of(Room.of("room2")), Map.of(BroadcastOptions.VOLATILE, true, "timeout", 5000),
				BroadcastOptions.Layout.EMITTER);
		BroadcastMessage message = new BroadcastMessage("owZ7mU",
				BroadcastPacket.event("/chat", "msg", List.of(Map.of("text", "hi"), 1.5)), options);
		BroadcastMessage read = this.reader.read(this.codec.encode(message));
		assertThat(read).isNotNull();
		assertThat(read.uid()).isEqualTo("owZ7mU");
		assertThat(read.packet().nsp()).isEqualTo("/chat");
		assertThat(read.packet().dataJson()).asString(StandardCharsets.UTF_8)
			.isEqualTo("[\"msg\",{\"text\":\"hi\"},1.5]");
		assertThat(read.options()).isEqualTo(options);
	}

	/** A mapper that cannot read, so that reading fails where it would be used. */
	private static final class UnusableMapper extends ObjectMapper {

		@Override
		public <T> T readValue(byte[] src, int offset, int len, Class<T> valueType) throws IOException {
			throw new IOException("the mapper was used");
		}

	}

}
