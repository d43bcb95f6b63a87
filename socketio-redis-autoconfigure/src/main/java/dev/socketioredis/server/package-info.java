/**
 * The embedded netty-socketio server's lifecycle within a Spring application context.
 */
@NullMarked
package dev.socketioredis.server;

import org.jspecify.annotations.NullMarked;
