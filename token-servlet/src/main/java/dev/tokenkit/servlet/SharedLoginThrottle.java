package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.Durations;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.throttle.LoginAttempts;
import dev.tokenkit.core.throttle.LoginAttempts.Admission;
import dev.tokenkit.servlet.error.TokenErrors;

/**
 * A {@link LoginThrottle} over {@link LoginAttempts} that every node shares (a database, Redis), so that nodes behind
 * one load balancer grant an attacker the attempts of one node. Its rules are those of {@link InMemoryLoginThrottle}:
 * failures per login (in any case) and, four times as many, per client address within a window from the first
 * failure; attempts in flight count; from half the limit each attempt waits 200 ms per failure beyond the half, at
 * most one second; at the limit, {@code 429} until the window ends. Each admission is one atomic step per key in the
 * shared store, the login's taken before the address's (and given back if the address is full). An attempt that finds
 * the limit taken only by attempts in flight checks again every 50 ms for up to ten seconds, at most
 * {@code maxFailures} waiting per login on each node. Keys are stored as the SHA-256 of the login or address, so
 * neither is kept in the clear.
 *
 * <p>When the shared store cannot be reached, a check fails closed with {@code 503}; a failure or a release that
 * cannot be counted is logged and dropped (the next check fails closed as well, and an attempt in flight that was
 * never released stops counting after {@link LoginAttempts#LEASE}).
 *
 * @since 0.1.0
 */
public final class SharedLoginThrottle implements LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(SharedLoginThrottle.class);

	private final LoginAttempts attempts;

	private final int maxFailures;

	private final Duration window;

	/** Attempts on this node waiting for an attempt in flight to land, by login key. */
	private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

	/**
	 * Creates a throttle.
	 *
	 * @param attempts the shared counts
	 * @param maxFailures failures allowed per login within the window; an address is allowed four times as many
	 * @param window how long failures are counted
	 */
	public SharedLoginThrottle(LoginAttempts attempts, int maxFailures, Duration window) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		this.attempts = Objects.requireNonNull(attempts, "attempts cannot be null");
		this.maxFailures = maxFailures;
		this.window = Durations.requirePositive(window, "window");
	}

	/**
	 * Admits the attempt on its login and then on its address; refused at once when either has its failures at the
	 * limit, else waits for attempts in flight to land and tries again.
	 */
	@Override
	public void check(String login, String clientAddress) {
		String loginKey = key(ThrottleRules.loginKey(login));
		String addressKey = key(ThrottleRules.addressKey(clientAddress));
		long deadline = System.nanoTime() + ThrottleRules.MAX_QUEUE_WAIT.toNanos();
		for (;;) {
			Admission byLogin = admit(loginKey, this.maxFailures);
			Admission byAddress = byLogin.admitted() ? admit(addressKey, addressLimit()) : null;
			if (byAddress != null && byAddress.admitted()) {
				ThrottleRules.pause(ThrottleRules.delay(this.maxFailures, byLogin.failures()));
				return;
			}
			if (byAddress != null) {
				release(loginKey);
			}
			boolean full = byLogin.failures() >= this.maxFailures
					|| (byAddress != null && byAddress.failures() >= addressLimit());
			long left = deadline - System.nanoTime();
			if (full || left <= 0 || !awaitLanding(loginKey, left)) {
				throw TokenErrors.tooManyRequests(this.window.toSeconds());
			}
		}
	}

	@Override
	public void recordFailure(String login, String clientAddress) {
		try {
			this.attempts.recordFailure(key(ThrottleRules.loginKey(login)), this.window);
			this.attempts.recordFailure(key(ThrottleRules.addressKey(clientAddress)), this.window);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("A failed login was not counted: the throttle's store is unavailable");
		}
	}

	@Override
	public void release(String login, String clientAddress) {
		release(key(ThrottleRules.loginKey(login)));
		release(key(ThrottleRules.addressKey(clientAddress)));
	}

	private Admission admit(String key, int limit) {
		try {
			return this.attempts.admit(key, limit);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("A login was refused: the throttle's store is unavailable");
			throw TokenErrors.unavailable();
		}
	}

	private void release(String key) {
		try {
			this.attempts.release(key);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("An attempt in flight was not released: the throttle's store is unavailable");
		}
	}

	/**
	 * Sleeps until the next check, at most the time left.
	 *
	 * @return {@code false} if as many attempts already wait on this node for this login as it may have failures
	 */
	private boolean awaitLanding(String loginKey, long nanos) {
		if (this.waiting.merge(loginKey, 1, Integer::sum) > this.maxFailures) {
			this.waiting.computeIfPresent(loginKey, (k, count) -> (count > 1) ? count - 1 : null);
			return false;
		}
		try {
			ThrottleRules.pause(Duration.ofNanos(Math.min(nanos, ThrottleRules.LANDING_POLL.toNanos())));
			return !Thread.currentThread().isInterrupted();
		}
		finally {
			this.waiting.computeIfPresent(loginKey, (k, count) -> (count > 1) ? count - 1 : null);
		}
	}

	private int addressLimit() {
		return ThrottleRules.addressLimit(this.maxFailures);
	}

	/** The SHA-256 of a key, in hex. */
	private static String key(String plain) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
