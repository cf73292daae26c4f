package dev.tokenkit.boot;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.observation.ObservedTokenStore;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.jwt.JwtKey;
import dev.tokenkit.jwt.JwtTokenService;
import dev.tokenkit.jwt.JwtTokenServiceBuilder;
import dev.tokenkit.spring.ApplicationEventTokenListener;

/**
 * The token service {@code tokenkit.token.kind} names, over the token store, unless the app defines a
 * {@link TokenService}: opaque tokens (the default) or signed JWTs with the keys of {@code tokenkit.jwt.*}. Either
 * observes its revocations, and the calls to a JDBC or Redis store, with the {@link TokenObservers} bean, and
 * publishes its revocations to the application context ({@link ApplicationEventTokenListener}).
 */
final class TokenServiceConfigurations {

	private static final String KIND = "tokenkit.token.kind";

	private TokenServiceConfigurations() {
	}

	/**
	 * The store the service calls: the JDBC and Redis stores observed ({@code tokenkit.store.calls}); the in-memory
	 * store as it is, since it answers in less time than an observation takes.
	 */
	private static TokenStore observed(TokenStore store, TokenKitProperties properties, TokenObservers observers) {
		return (properties.store().type() == TokenKitProperties.StoreType.MEMORY) ? store
				: new ObservedTokenStore(store, observers);
	}

	/** {@code tokenkit.token.kind=opaque}, the default. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = KIND, havingValue = "opaque", matchIfMissing = true)
	static class Opaque {

		@Bean
		@ConditionalOnMissingBean(TokenService.class)
		OpaqueTokenService tokenService(TokenStore store, TokenKitProperties properties, Clock clock,
				TokenObservers observers, ApplicationEventPublisher events) {
			return TokenKitPropertiesCustomizer.check("tokenkit.token.touch-interval",
					() -> OpaqueTokenService.builder(observed(store, properties, observers))
						.clock(clock)
						.touchInterval(properties.token().touchInterval())
						.observers(observers)
						.listener(new ApplicationEventTokenListener(events))
						.build());
		}

	}

	/** {@code tokenkit.token.kind=jwt}: signed with the first key, checked with every key. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = KIND, havingValue = "jwt")
	@ConditionalOnClass(JwtTokenService.class)
	static class Jwt {

		@Bean
		@ConditionalOnMissingBean(TokenService.class)
		JwtTokenService tokenService(TokenStore store, TokenKitProperties properties, Clock clock,
				TokenObservers observers, ApplicationEventPublisher events) {
			TokenKitProperties.Jwt jwt = properties.jwt();
			JwtTokenServiceBuilder builder = JwtTokenService.builder(observed(store, properties, observers))
				.clock(clock)
				.observers(observers)
				.listener(new ApplicationEventTokenListener(events));
			List<JwtKey> keys = JwtKeys.from(jwt);
			try {
				keys.forEach(builder::key);
				if (jwt.issuer() != null) {
					builder.issuer(jwt.issuer());
				}
				if (jwt.audience() != null) {
					builder.audience(jwt.audience());
				}
				if (properties.token().maxLifetime() != null) {
					builder.maxTokenLifetime(properties.token().maxLifetime());
				}
				return builder.build();
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// a repeated kid, a key pair that does not match, a bad lifetime: the library's message names which
				throw new TokenKitConfigurationException("tokenkit.jwt", ex.getMessage());
			}
		}

	}

	/** {@code tokenkit.token.kind=jwt} without token-jwt. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = KIND, havingValue = "jwt")
	@ConditionalOnMissingClass("dev.tokenkit.jwt.JwtTokenService")
	static class JwtMissing {

		@Bean
		@ConditionalOnMissingBean(TokenService.class)
		TokenService tokenService() {
			throw new TokenKitConfigurationException(KIND, "JWTs need dev.tokenkit:token-jwt on the classpath.");
		}

	}

}
