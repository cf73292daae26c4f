package dev.tokenkit.boot;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenStore;

/**
 * The token store's health for Actuator, from a look-up of a random, unknown token: {@code UP} when it answers within
 * the slow threshold, {@link #SLOW} when it answers later, {@code DOWN} when the store cannot be reached or fails.
 * The details name the store's kind and, when it answered, the look-up's time in milliseconds ({@code latencyMs});
 * never a URL, password, token or the failure's message.
 *
 * <p>{@code SLOW} is not in Spring Boot's default status order, so the app's overall status stays what the other
 * indicators say; add it to {@code management.endpoint.health.status.order} (and
 * {@code management.endpoint.health.status.http-mapping}) to let it count.
 *
 * @since 0.1.0
 */
public final class TokenStoreHealthIndicator implements HealthIndicator {

	/** A store that answers, but slower than the threshold. */
	public static final Status SLOW = new Status("SLOW", "The token store answers slower than its threshold");

	private final TokenStore store;

	private final Duration slowThreshold;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Creates the indicator.
	 *
	 * @param store the store to check
	 * @param slowThreshold the longest look-up that still counts as {@code UP}, positive
	 */
	public TokenStoreHealthIndicator(TokenStore store, Duration slowThreshold) {
		this.store = Objects.requireNonNull(store, "store cannot be null");
		Objects.requireNonNull(slowThreshold, "slowThreshold cannot be null");
		if (slowThreshold.isNegative() || slowThreshold.isZero()) {
			throw new IllegalArgumentException("slowThreshold must be positive");
		}
		this.slowThreshold = slowThreshold;
	}

	@Override
	public Health health() {
		byte[] probe = new byte[16];
		this.random.nextBytes(probe);
		TokenHash unknown = TokenHash.of("health-" + HexFormat.of().formatHex(probe));
		Health.Builder health;
		long started = System.nanoTime();
		try {
			this.store.find(unknown);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			health = ((took.compareTo(this.slowThreshold) > 0) ? Health.status(SLOW) : Health.up())
				.withDetail("latencyMs", took.toMillis());
		}
		catch (RuntimeException ex) {
			// unreachable or failing: down either way, and nothing of the failure in the details
			health = Health.down();
		}
		return health.withDetail("store", this.store.getClass().getSimpleName()).build();
	}

}
