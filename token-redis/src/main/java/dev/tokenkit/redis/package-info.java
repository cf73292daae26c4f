/**
 * The Redis {@link dev.tokenkit.core.store.TokenStore}, on Lettuce, shared by every node of an app: on a standalone
 * Redis, a primary with Sentinel failover, or a Redis Cluster.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.redis;

import org.jspecify.annotations.NullMarked;
