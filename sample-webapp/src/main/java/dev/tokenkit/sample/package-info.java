/**
 * The sample donations app: an existing Spring Security chain with form login, to which tokenkit is added.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.sample;

import org.jspecify.annotations.NullMarked;
