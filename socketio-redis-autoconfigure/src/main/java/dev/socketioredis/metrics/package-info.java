/**
 * Micrometer meters of the cluster adapter, and the filter that keeps its publishes out of Boot's Lettuce observation.
 */
@NullMarked
package dev.socketioredis.metrics;

import org.jspecify.annotations.NullMarked;
