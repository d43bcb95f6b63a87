/**
 * Micrometer meters of the cluster adapter.
 */
@NullMarked
package dev.socketioredis.metrics;

import org.jspecify.annotations.NullMarked;
