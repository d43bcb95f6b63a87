package dev.socketioredis.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.socketioredis.test.LogLines;
import dev.socketioredis.transport.ClientFaults.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ClientFaultsTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-29T12:00:00Z"));

	private final ClientFaults faults = new ClientFaults(new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return ClientFaultsTests.this.now.get();
		}

	});

	@RegisterExtension
	final LogLines logs = new LogLines();

	@Test
	void faultsAreCountedByReasonAndSummedUpAtMostOnceAMinute() {
		for (int i = 0; i < 1000; i++) {
			this.faults.record(Reason.MALFORMED_PACKET, "client", new IllegalStateException());
		}
		this.faults.record(Reason.UNKNOWN_SESSION, "client", null);
		this.now.set(this.now.get().plus(Duration.ofSeconds(61)));
		this.faults.record(Reason.UNKNOWN_SESSION, "client", null);

		assertThat(this.faults.total(Reason.MALFORMED_PACKET)).isEqualTo(1000);
		assertThat(this.faults.total(Reason.UNKNOWN_SESSION)).isEqualTo(2);
		assertThat(this.logs.warningsAndErrors()).extracting(ILoggingEvent::getFormattedMessage)
			.hasSize(2)
			.satisfiesExactly((first) -> assertThat(first).contains("malformed-packet=1 "),
					(second) -> assertThat(second).contains("malformed-packet=999, unknown-session=2"));
	}

}
