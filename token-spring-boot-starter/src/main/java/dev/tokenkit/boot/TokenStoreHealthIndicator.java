package dev.tokenkit.boot;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;

/**
 * The token store's health for Actuator: {@code UP} when a look-up of a random, unknown token answers, {@code DOWN}
 * when the store cannot be reached or fails. The details name the store's kind only, never a URL, password or token.
 *
 * @since 0.1.0
 */
public final class TokenStoreHealthIndicator implements HealthIndicator {

	private final TokenStore store;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Creates the indicator.
	 *
	 * @param store the store to check
	 */
	public TokenStoreHealthIndicator(TokenStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		byte[] probe = new byte[16];
		this.random.nextBytes(probe);
		Health.Builder health;
		try {
			this.store.find(TokenHash.of("health-" + HexFormat.of().formatHex(probe)));
			health = Health.up();
		}
		catch (RuntimeException ex) {
			// unreachable or failing: down either way, and nothing of the failure in the details
			health = Health.down();
		}
		return health.withDetail("store", this.store.getClass().getSimpleName()).build();
	}

}
