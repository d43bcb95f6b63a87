/**
 * Auto-configuration of the adapter's Micrometer meters.
 */
@NullMarked
package dev.socketioredis.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
