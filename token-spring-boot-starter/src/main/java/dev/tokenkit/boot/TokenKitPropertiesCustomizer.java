package dev.tokenkit.boot;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.servlet.DsiEndpoint;
import dev.tokenkit.servlet.GlobalGivingEndpoint;
import dev.tokenkit.servlet.InMemoryLoginThrottle;
import dev.tokenkit.servlet.LoginThrottle;
import dev.tokenkit.servlet.SharedLoginThrottle;
import dev.tokenkit.servlet.format.TokenResponseWriter;
import dev.tokenkit.spring.TokenKitConfigurer;

/**
 * Applies {@code tokenkit.*} to a {@link TokenKitConfigurer}: the realm, both dialects (on or off, paths, query
 * credentials, JSONP, token policy), the login throttle and the api-key rule. One throttle serves every chain: over
 * shared {@link LoginAttempts} when there are some (beside a JDBC or Redis store), so that every node counts alike,
 * else in this JVM. A value the library refuses stops start-up naming its property.
 *
 * @since 0.1.0
 */
public final class TokenKitPropertiesCustomizer implements Customizer<TokenKitConfigurer> {

	private final TokenKitProperties properties;

	private final boolean globalGivingEnabled;

	private final LoginThrottle loginThrottle;

	private final @Nullable RequestMatcher apiKeyRequests;

	/**
	 * Checks the settings and makes the parts chains share.
	 *
	 * @param properties the settings
	 * @param apiKeysKnown whether the app defines an {@code ApiKeyVerifier} or a tokenkit {@code Authenticator}, which
	 *     switches GlobalGiving on when {@code tokenkit.globalgiving.enabled} is unset
	 * @param clock the clock the login throttle's window runs on in this JVM
	 * @param sharedAttempts the counts a throttle shared by every node keeps, or {@code null} for one in this JVM
	 * @throws TokenKitConfigurationException for a value the library refuses
	 */
	public TokenKitPropertiesCustomizer(TokenKitProperties properties, boolean apiKeysKnown, Clock clock,
			@Nullable LoginAttempts sharedAttempts) {
		this.properties = properties;
		check("tokenkit.realm", () -> new TokenResponseWriter(properties.realm()));
		Boolean globalGiving = properties.globalgiving().enabled();
		this.globalGivingEnabled = (globalGiving != null) ? globalGiving : apiKeysKnown;
		TokenKitProperties.LoginThrottle throttle = properties.loginThrottle();
		if (throttle.maxFailures() < 0 || throttle.window().isNegative() || throttle.window().isZero()) {
			throw new TokenKitConfigurationException("tokenkit.login-throttle",
					"max-failures must be 0 (off) or more, and the window positive.");
		}
		this.loginThrottle = (throttle.maxFailures() > 0)
				? check("tokenkit.login-throttle.window", () -> (sharedAttempts != null)
						? new SharedLoginThrottle(sharedAttempts, throttle.maxFailures(), throttle.window())
						: new InMemoryLoginThrottle(throttle.maxFailures(), throttle.window(), clock))
				: LoginThrottle.disabled();
		this.apiKeyRequests = properties.apiKey().requiredPaths().isEmpty() ? null
				: new OrRequestMatcher(properties.apiKey().requiredPaths().stream()
					.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
					.toList());
		// the policy settings fail here, at start-up, rather than at the first chain
		policy(DsiEndpoint.DEFAULT_POLICY);
		policy(GlobalGivingEndpoint.DEFAULT_POLICY);
	}

	@Override
	public void customize(TokenKitConfigurer kit) {
		TokenKitProperties.Dsi dsi = this.properties.dsi();
		kit.realm(this.properties.realm())
			.loginThrottle(this.loginThrottle)
			.dsiEnabled(dsi.enabled())
			.dsi((endpoint) -> {
				check("tokenkit.dsi.token-path", () -> set(endpoint::setTokenPath, dsi.tokenPath()));
				check("tokenkit.dsi.credentials-path",
						() -> set(endpoint::setCredentialsPath, dsi.credentialsPath()));
				endpoint.setQueryCredentialsEnabled(dsi.queryCredentials());
				endpoint.setJsonpEnabled(dsi.jsonp());
				endpoint.setPolicy(policy(DsiEndpoint.DEFAULT_POLICY));
			})
			.globalGivingEnabled(this.globalGivingEnabled)
			.globalGiving((endpoint) -> {
				String path = this.properties.globalgiving().path();
				check("tokenkit.globalgiving.path", () -> set(endpoint::setPath, path));
				endpoint.setPolicy(policy(GlobalGivingEndpoint.DEFAULT_POLICY));
			});
		if (this.apiKeyRequests != null) {
			kit.requireApiKey(this.apiKeyRequests);
		}
	}

	/** A dialect's token policy: its default, with {@code tokenkit.token.idle-timeout} and {@code max-lifetime}. */
	private TokenPolicy policy(TokenPolicy dialectDefault) {
		Duration idle = this.properties.token().idleTimeout();
		Duration max = this.properties.token().maxLifetime();
		if (idle == null && max == null) {
			return dialectDefault;
		}
		Duration idleTimeout = (idle != null) ? idle : dialectDefault.idleTimeout();
		return check((max != null) ? "tokenkit.token.max-lifetime" : "tokenkit.token.idle-timeout", () -> (max != null)
				? new TokenPolicy(idleTimeout, max) : TokenPolicy.ofIdle(idleTimeout));
	}

	/** Runs a library check, turning its refusal into a failure that names the property. */
	static <T> T check(String property, Supplier<T> make) {
		try {
			return make.get();
		}
		catch (IllegalArgumentException ex) {
			throw new TokenKitConfigurationException(property, ex.getMessage());
		}
	}

	/** Calls a setter, for {@link #check}. */
	static <T> T set(Consumer<T> setter, T value) {
		setter.accept(value);
		return value;
	}

}
