/**
 * Fixes to netty-socketio's transports, so that a node behaves as a Socket.IO 4 server: sessions become sockets of a
 * namespace only when the client connects it, server-side disconnects as Node makes them, binary attachments framed
 * correctly for Engine.IO v4 over websocket and long-polling, packets never mutated while shared, and broadcasts
 * encoded once for all clients.
 */
@NullMarked
package dev.socketioredis.transport;

import org.jspecify.annotations.NullMarked;
