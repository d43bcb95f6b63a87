/**
 * The {@code socketio} actuator endpoint.
 */
@NullMarked
package dev.socketioredis.actuate;

import org.jspecify.annotations.NullMarked;
