/**
 * For services that check tokenkit's tokens with Spring Security's OAuth 2.0 resource server while sharing tokenkit's
 * store (and, for JWTs, its keys) instead of calling its endpoints:
 * {@link dev.tokenkit.spring.resourceserver.TokenKitOpaqueTokenIntrospector} for {@code opaqueToken(...)} and
 * {@link dev.tokenkit.spring.resourceserver.TokenKitJwtDecoder} for {@code jwt(...)}. Both need
 * {@code spring-security-oauth2-resource-server} (and the decoder {@code spring-security-oauth2-jose}) on the classpath.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.spring.resourceserver;

import org.jspecify.annotations.NullMarked;
