/**
 * Auto-configuration of the {@code socketio} actuator endpoint.
 */
@NullMarked
package dev.socketioredis.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
