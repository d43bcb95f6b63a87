/**
 * The cluster adapter. Each namespace has a {@link dev.socketioredis.adapter.NamespaceEngine}, transport-neutral:
 * it delivers broadcasts to local sockets ({@link dev.socketioredis.adapter.LocalSockets}), and reaches the other
 * nodes through a {@link dev.socketioredis.adapter.ClusterTransport}; applications hold its
 * {@link dev.socketioredis.adapter.NamespaceAdapter} handle, monitoring its
 * {@link dev.socketioredis.adapter.NamespaceMonitor}. {@link dev.socketioredis.adapter.NamespaceRegistry} keeps the
 * engines and {@link dev.socketioredis.adapter.RedisStoreFactory} plugs them into netty-socketio.
 */
@NullMarked
package dev.socketioredis.adapter;

import org.jspecify.annotations.NullMarked;
