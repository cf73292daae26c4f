/**
 * Opaque tokens: random, checksummed, kept in a {@link dev.tokenkit.core.store.TokenStore} only as their hash.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core.opaque;

import org.jspecify.annotations.NullMarked;
