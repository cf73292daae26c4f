/**
 * tokenkit in an existing Spring Security 7 filter chain: {@link dev.tokenkit.spring.TokenKitConfigurer}, the filters
 * it adds, the entry point and access-denied handler for token routes, and the authentication they produce.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.spring;

import org.jspecify.annotations.NullMarked;
