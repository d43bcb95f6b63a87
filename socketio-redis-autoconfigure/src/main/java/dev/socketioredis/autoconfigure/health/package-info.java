/**
 * Auto-configuration of the {@code socketio} health indicator.
 */
@NullMarked
package dev.socketioredis.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
