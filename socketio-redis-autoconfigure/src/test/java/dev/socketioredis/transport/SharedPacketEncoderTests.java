package dev.socketioredis.transport;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.socketioredis.protocol.BroadcastCodec;
import dev.socketioredis.protocol.BroadcastMessage;
import dev.socketioredis.protocol.BroadcastOptions;
import dev.socketioredis.protocol.BroadcastPacket;
import io.netty.buffer.ByteBufUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SharedPacketEncoder}: a broadcast read from Redis is written from the JSON its arguments came with, and that
 * text is what the server's JSON mapper writes for the same arguments decoded.
 */
class SharedPacketEncoderTests {

	private static final HexFormat HEX = HexFormat.of();

	private final BroadcastCodec codec = new BroadcastCodec();

	private final SharedPacketEncoder encoder = new SharedPacketEncoder(new NodeCompatibleJsonSupport());

	@Test
	void writesTheJsonOfArgumentsReadFromRedisAsTheMapperWritesThemDecoded() throws Exception {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("text", "é \"quoted\" \\ / \n\t\u0001 \uD83D\uDE00 <script>");
		map.put("nothing", null);
		map.put("nested", List.of(Map.of(), List.of(), List.of(List.of(1, -1))));
		List<Object> args = Arrays.asList("plain", 0, 1, -1, 127, 128, -33, 65_535, -2_147_483_648, 4_294_967_296L,
				Long.MIN_VALUE, new BigInteger("18446744073709551615"), 0.1, -2.5, 1.0e21, 1.5e-7, true, false, null,
				map, List.of());
		for (String nsp : List.of("", "/chat")) {
			BroadcastPacket packet = readBack(BroadcastPacket.event(nsp.isEmpty() ? "/" : nsp, "event", args));
			assertThat(packet.dataJson()).as("the data as JSON").isNotNull();

			String fromJson = text(this.encoder.encode(nsp, packet.event(), packet.args(), packet.dataJson()).orElseThrow());
			String fromObjects = text(this.encoder.encode(nsp, packet.event(), new ArrayList<>(packet.args()), null)
				.orElseThrow());
			assertThat(fromJson).isEqualTo(fromObjects).startsWith(nsp.isEmpty() ? "42[\"event\"," : "42/chat,[\"event\",");
		}
	}

	@Test
	void writesFloat32AsTheJavaScriptNumberNodeDecodesItTo() throws Exception {
		// [uid, {type: 2, data: ["e", float32 0.1], nsp: "/"}, {rooms: [], except: [], flags: {}}]; notepack.io reads
		// float32 as the double 0.10000000149011612, and JSON.stringify writes that
		BroadcastPacket packet = this.codec.decode(HEX.parseHex(
				"93a3756964" + "83a47479706502a46461746192a165ca3dcccccda36e7370a12f" + "83a5726f6f6d7390a6657863657074" + "90a5666c61677380"))
			.packet();
		assertThat(new String(packet.dataJson(), StandardCharsets.UTF_8)).isEqualTo("[\"e\",0.10000000149011612]");
	}

	@Test
	void leavesBinaryAndExtensionsToTheMapper() throws Exception {
		BroadcastPacket binary = readBack(BroadcastPacket.event("/", "file", List.of(Map.of("bytes", new byte[] { 1, 2 }))));
		assertThat(binary.dataJson()).isNull();
		assertThat(this.encoder.encode("", binary.event(), binary.args(), binary.dataJson())).isEmpty();

		BroadcastPacket date = readBack(BroadcastPacket.event("/", "at", List.of(new java.util.Date(0))));
		assertThat(date.dataJson()).isNull();
		assertThat(text(this.encoder.encode("", date.event(), date.args(), date.dataJson()).orElseThrow()))
			.isEqualTo("42[\"at\",\"1970-01-01T00:00:00.000Z\"]");
	}

	@Test
	void leavesMapsWithKeysOtherThanStringsToTheMapper() throws Exception {
		// data: ["e", {1: "one"}]
		BroadcastPacket packet = this.codec.decode(HEX.parseHex(
				"93a3756964" + "83a47479706502a46461746192a16581" + "01a36f6e65" + "a36e7370a12f" + "83a5726f6f6d7390a6657863657074" + "90a5666c61677380"))
			.packet();
		assertThat(packet.dataJson()).isNull();
		assertThat(packet.args()).hasSize(1);
	}

	private BroadcastPacket readBack(BroadcastPacket packet) throws Exception {
		BroadcastMessage message = new BroadcastMessage("uid", packet,
				new BroadcastOptions(List.of(), List.of(), Map.of(), BroadcastOptions.Layout.ADAPTER));
		return this.codec.decode(this.codec.encode(message)).packet();
	}

	private static String text(SharedPacket packet) {
		return new String(ByteBufUtil.getBytes(packet.text()), StandardCharsets.UTF_8);
	}

}
