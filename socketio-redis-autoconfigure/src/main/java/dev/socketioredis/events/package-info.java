/**
 * Spring application events of the cluster adapter.
 */
@NullMarked
package dev.socketioredis.events;

import org.jspecify.annotations.NullMarked;
