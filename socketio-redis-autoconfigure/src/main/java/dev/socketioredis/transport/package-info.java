/**
 * Fixes to how netty-socketio writes packets to clients: binary attachments framed correctly for Engine.IO v4 over
 * websocket and long-polling, packets never mutated while shared, and broadcasts encoded once for all clients.
 */
@NullMarked
package dev.socketioredis.transport;

import org.jspecify.annotations.NullMarked;
