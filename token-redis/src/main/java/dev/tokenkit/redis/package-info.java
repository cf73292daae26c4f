/**
 * The Redis {@link dev.tokenkit.core.store.TokenStore}, on Lettuce, shared by every node of an app.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.redis;

import org.jspecify.annotations.NullMarked;
