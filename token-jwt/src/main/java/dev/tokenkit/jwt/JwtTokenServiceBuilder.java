package dev.tokenkit.jwt;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.Durations;
import dev.tokenkit.core.TokenListener;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.store.TokenStore;

/**
 * Builds a {@link JwtTokenService}. Not thread-safe; the service it builds is.
 *
 * @since 0.1.0
 */
public final class JwtTokenServiceBuilder {

	final TokenStore store;

	final Map<String, JwtKey> keys = new LinkedHashMap<>();

	@Nullable String activeKid;

	Clock clock = Clock.systemUTC();

	Duration clockSkew = Duration.ofSeconds(30);

	Duration maxTokenLifetime = TokenPolicy.DEFAULT_MAX_LIFETIME;

	@Nullable String issuer;

	@Nullable String audience;

	TokenListener listener = TokenListener.disabled();

	TokenObservers observers = TokenObservers.none();

	SecureRandom random = new SecureRandom();

	long verifiedCacheSize = 10_000;

	JwtTokenServiceBuilder(TokenStore store) {
		this.store = Objects.requireNonNull(store, "store cannot be null");
	}

	/**
	 * Adds a key to the set; the first key with a signing key becomes the active one unless
	 * {@link #activeKey(String)} says otherwise.
	 *
	 * @param key the key
	 * @return this builder
	 */
	public JwtTokenServiceBuilder key(JwtKey key) {
		Objects.requireNonNull(key, "key cannot be null");
		if (this.keys.putIfAbsent(key.kid(), key) != null) {
			throw new IllegalArgumentException("Two keys have the kid " + key.kid());
		}
		return this;
	}

	/**
	 * Names the key new tokens are signed with. Default: the first key added that can sign.
	 *
	 * @param kid the active key's id
	 * @return this builder
	 */
	public JwtTokenServiceBuilder activeKey(String kid) {
		this.activeKid = Objects.requireNonNull(kid, "kid cannot be null");
		return this;
	}

	/**
	 * The clock that decides expiry. Default: {@link Clock#systemUTC()}.
	 *
	 * @param clock the clock
	 * @return this builder
	 */
	public JwtTokenServiceBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
		return this;
	}

	/**
	 * How far {@code exp} and {@code nbf} may be off between nodes. Default: 30 seconds.
	 *
	 * @param clockSkew the skew, whole seconds
	 * @return this builder
	 */
	public JwtTokenServiceBuilder clockSkew(Duration clockSkew) {
		Objects.requireNonNull(clockSkew, "clockSkew cannot be null");
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("clockSkew must be between 0 and 5 minutes");
		}
		this.clockSkew = clockSkew;
		return this;
	}

	/**
	 * The longest any token may live, whatever its policy; also how long an account revocation is kept. Default:
	 * 24 hours.
	 *
	 * @param maxTokenLifetime the cap
	 * @return this builder
	 */
	public JwtTokenServiceBuilder maxTokenLifetime(Duration maxTokenLifetime) {
		this.maxTokenLifetime = Durations.requirePositive(maxTokenLifetime, "maxTokenLifetime");
		return this;
	}

	/**
	 * Writes and requires this {@code iss}. Default: none.
	 *
	 * @param issuer the issuer
	 * @return this builder
	 */
	public JwtTokenServiceBuilder issuer(String issuer) {
		this.issuer = Objects.requireNonNull(issuer, "issuer cannot be null");
		return this;
	}

	/**
	 * Writes and requires this {@code aud}. Default: none.
	 *
	 * @param audience the audience
	 * @return this builder
	 */
	public JwtTokenServiceBuilder audience(String audience) {
		this.audience = Objects.requireNonNull(audience, "audience cannot be null");
		return this;
	}

	/**
	 * Observes the service's revocations ({@link TokenObservers#revocations}); to observe its store calls too, build
	 * it over an {@link dev.tokenkit.core.observation.ObservedTokenStore}. Default: {@link TokenObservers#none()}.
	 *
	 * @param observers the observers
	 * @return this builder
	 */
	public JwtTokenServiceBuilder observers(TokenObservers observers) {
		this.observers = Objects.requireNonNull(observers, "observers cannot be null");
		return this;
	}

	/**
	 * Hears about issued, rejected and revoked tokens. Default: {@link TokenListener#disabled()}.
	 *
	 * @param listener the listener
	 * @return this builder
	 */
	public JwtTokenServiceBuilder listener(TokenListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener cannot be null");
		return this;
	}

	/**
	 * Where {@code jti}s come from. Default: a new {@link SecureRandom}.
	 *
	 * @param random the random source
	 * @return this builder
	 */
	public JwtTokenServiceBuilder random(SecureRandom random) {
		this.random = Objects.requireNonNull(random, "random cannot be null");
		return this;
	}

	/**
	 * How many verified tokens the service remembers, so that their next checks skip the signature; the least
	 * useful are dropped beyond it. Default: 10,000 (a few megabytes). Zero verifies every check in full.
	 *
	 * @param verifiedCacheSize the bound, zero or positive
	 * @return this builder
	 */
	public JwtTokenServiceBuilder verifiedCacheSize(long verifiedCacheSize) {
		if (verifiedCacheSize < 0) {
			throw new IllegalArgumentException("verifiedCacheSize cannot be negative");
		}
		this.verifiedCacheSize = verifiedCacheSize;
		return this;
	}

	/**
	 * Builds the service.
	 *
	 * @return the service
	 * @throws IllegalStateException if no key can sign, or the active key is unknown or cannot sign
	 */
	public JwtTokenService build() {
		if (this.activeKid == null) {
			this.activeKid = this.keys.values()
				.stream()
				.filter((key) -> key.signingKey() != null)
				.map(JwtKey::kid)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("A JwtTokenService needs a key that can sign: add one "
						+ "with key(JwtKey.hs256(kid, secret)) or another JwtKey factory"));
		}
		this.keys.values().forEach(JwtKeySet::checkSignsAndVerifies);
		return new JwtTokenService(this);
	}

}
