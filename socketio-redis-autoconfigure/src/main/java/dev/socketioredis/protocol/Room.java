package dev.socketioredis.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A room as written on the wire. Node applications may use numbers as rooms ({@code io.to(42)}): such a room is kept
 * numeric so that it is written back as a msgpack integer, while {@link #name()} gives the string form under which
 * Java nodes know it.
 *
 * @param name the room's string form
 * @param numeric whether the wire form is an integer
 */
public record Room(String name, boolean numeric) {

	public static Room of(String name) {
		return new Room(name, false);
	}

	public static Room of(long number) {
		return new Room(Long.toString(number), true);
	}

	@JsonValue
	Object wireValue() {
		return this.numeric ? Long.parseLong(this.name) : this.name;
	}

}
