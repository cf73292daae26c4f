/**
 * The {@link dev.tokenkit.core.store.TokenStore} SPI, the records it keeps, and the in-memory store.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core.store;

import org.jspecify.annotations.NullMarked;
