package dev.tokenkit.servlet;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tokenkit.servlet.http.TokenErrors;

/**
 * A {@link LoginThrottle} in this JVM's memory: after {@code maxFailures} failed attempts for one login (in any case),
 * or {@code maxFailures} times four from one client address, within a window, every attempt for that login or from
 * that address is refused with {@code 429} until the window after the first failure has passed. A successful login
 * does not reset the count, so the answer while throttled is the same whether the password was right or wrong, and an
 * attacker cannot lock an account for longer than one window.
 *
 * @since 0.1.0
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Cache<String, AtomicInteger> failures;

	/**
	 * Creates a throttle on the system clock.
	 *
	 * @param maxFailures failures allowed per login within the window; an address is allowed four times as many
	 * @param window how long failures are counted
	 */
	public InMemoryLoginThrottle(int maxFailures, Duration window) {
		this(maxFailures, window, Clock.systemUTC());
	}

	/**
	 * Creates a throttle.
	 *
	 * @param maxFailures failures allowed per login within the window; an address is allowed four times as many
	 * @param window how long failures are counted
	 * @param clock the clock that ends windows
	 */
	public InMemoryLoginThrottle(int maxFailures, Duration window, Clock clock) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		this.maxFailures = maxFailures;
		this.window = Objects.requireNonNull(window, "window cannot be null");
		this.failures = Caffeine.newBuilder()
			.ticker(() -> clock.millis() * 1_000_000L)
			.expireAfterWrite(window)
			.maximumSize(100_000)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public void check(String login, String clientAddress) {
		if (count(loginKey(login)) >= this.maxFailures || count(addressKey(clientAddress)) >= this.maxFailures * 4) {
			throw TokenErrors.tooManyRequests(this.window.toSeconds());
		}
	}

	@Override
	public void recordFailure(String login, String clientAddress) {
		increment(loginKey(login));
		increment(addressKey(clientAddress));
	}

	private int count(String key) {
		AtomicInteger count = this.failures.getIfPresent(key);
		return (count != null) ? count.get() : 0;
	}

	private void increment(String key) {
		this.failures.asMap().computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

	private static String loginKey(String login) {
		return "login:" + login.toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
