/**
 * The {@code socketio} health indicator.
 */
@NullMarked
package dev.socketioredis.health;

import org.jspecify.annotations.NullMarked;
