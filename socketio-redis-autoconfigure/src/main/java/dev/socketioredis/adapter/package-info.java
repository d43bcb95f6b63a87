/**
 * The cluster adapter: one {@link dev.socketioredis.adapter.NamespaceAdapter} per namespace publishes broadcasts in the
 * Node format and delivers the ones other nodes publish to local clients; {@link
 * dev.socketioredis.adapter.RedisStoreFactory} plugs it into netty-socketio.
 */
@NullMarked
package dev.socketioredis.adapter;

import org.jspecify.annotations.NullMarked;
