package dev.socketioredis.protocol;

/**
 * Which rooms get a shard channel of their own with Node's sharded adapter (its {@code subscriptionMode} option):
 * a broadcast to exactly one such room is published on {@code key#nsp#room#}, to which only the nodes with a member
 * subscribe; every other message goes on {@code key#nsp#}, to which every node subscribes. Every node of a cluster
 * must use the same mode.
 */
public enum SubscriptionMode {

	/** No room channels: every node receives every broadcast of the namespace. */
	STATIC,

	/**
	 * Node's default: a channel for each room that is not a socket's own room. Node tells socket ids by their 20
	 * characters, so netty-socketio's 36-character ids get a channel too.
	 */
	DYNAMIC,

	/** A channel for every room, the sockets' own rooms included. */
	DYNAMIC_PRIVATE

}
