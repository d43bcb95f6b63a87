/**
 * Redis 7 sharded pub/sub on Lettuce, the client behind Spring Boot's {@code LettuceConnectionFactory} (Spring Data
 * Redis has none): subscriptions that follow their channel's owner across failovers and slot migrations.
 */
@NullMarked
package dev.socketioredis.redis.lettuce;

import org.jspecify.annotations.NullMarked;
