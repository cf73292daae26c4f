/**
 * Signed JWT tokens on jjwt: the stateless {@link dev.tokenkit.core.TokenService}, its key set, and the Jackson 3
 * JSON adapter jjwt uses.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.jwt;

import org.jspecify.annotations.NullMarked;
