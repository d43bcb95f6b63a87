/**
 * The embedded netty-socketio server's lifecycle within a Spring application context, and the node's event loops
 * its connections run on.
 */
@NullMarked
package dev.socketioredis.server;

import org.jspecify.annotations.NullMarked;
