package dev.tokenkit.servlet;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tokenkit.servlet.error.TokenErrors;

/**
 * A {@link LoginThrottle} in this JVM's memory. Failed attempts are counted per login (in any case) and per client
 * address within a window. From half of {@code maxFailures} on, each further attempt for that login first waits 200
 * ms per failure beyond the half, at most one second; at {@code maxFailures} for the login, or four times that for the
 * address, every attempt is refused at once with {@code 429} until the window after the first failure has passed. A
 * successful login does not reset the count, so the answer while throttled is the same whether the password was right
 * or wrong, and an attacker cannot lock an account for longer than one window.
 *
 * <p>Attempts still being checked count as failures until their outcome is known, so that a burst of parallel
 * attempts is held to the limit as a sequence is. An attempt that finds the limit taken only by attempts in flight
 * waits for one of them to land, at most {@code maxFailures} waiting per login and for at most ten seconds, and is
 * then refused; so parallel logins that succeed are served in turn, and a waiting attempt holds its request thread.
 *
 * @since 0.1.0
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Cache<String, AtomicInteger> failures;

	/** Attempts checked whose outcome is not known yet, by login and by address. */
	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	/** Attempts waiting for an attempt in flight to land, by login. */
	private final Map<String, Integer> waiting = new ConcurrentHashMap<>();

	/** Notified whenever an attempt in flight lands. */
	private final Object landings = new Object();

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

	/**
	 * Counts the attempt as in flight and lets it through, after the login's delay, if the login's failures and attempts
	 * in flight, and the address's, are within the limit. Over the limit it is refused at once when the failures alone
	 * reach it, or when as many attempts already wait; else it waits for an attempt in flight to land and checks
	 * again. The count in flight is taken before the failures are read, and a failure is recorded before its attempt
	 * lands, so no interleaving lets one attempt more through. (The wait is measured with {@link System#nanoTime()}:
	 * it is a time-out, not a time of the window.)
	 */
	@Override
	public void check(String login, String clientAddress) {
		String loginKey = ThrottleRules.loginKey(login);
		String addressKey = ThrottleRules.addressKey(clientAddress);
		int addressLimit = ThrottleRules.addressLimit(this.maxFailures);
		long deadline = System.nanoTime() + ThrottleRules.MAX_QUEUE_WAIT.toNanos();
		for (;;) {
			int loginInFlight = this.inFlight.merge(loginKey, 1, Integer::sum);
			int addressInFlight = this.inFlight.merge(addressKey, 1, Integer::sum);
			int loginFailures = count(loginKey);
			int addressFailures = count(addressKey);
			if (loginFailures + loginInFlight <= this.maxFailures
					&& addressFailures + addressInFlight <= addressLimit) {
				ThrottleRules.pause(delay(loginFailures));
				return;
			}
			decrement(this.inFlight, loginKey);
			decrement(this.inFlight, addressKey);
			long left = deadline - System.nanoTime();
			if (loginFailures >= this.maxFailures || addressFailures >= addressLimit || left <= 0
					|| !awaitLanding(loginKey, left)) {
				throw TokenErrors.tooManyRequests(this.window.toSeconds());
			}
		}
	}

	/**
	 * Waits until an attempt in flight lands, at most the given time and 50 milliseconds (so that a landing of another
	 * login's attempt, which wakes every waiter, costs a waiter one check).
	 *
	 * @return {@code false} if as many attempts already wait for this login as it may have failures
	 */
	private boolean awaitLanding(String loginKey, long nanos) {
		if (this.waiting.merge(loginKey, 1, Integer::sum) > this.maxFailures) {
			decrement(this.waiting, loginKey);
			return false;
		}
		try {
			long wait = Math.min(nanos, ThrottleRules.LANDING_POLL.toNanos());
			synchronized (this.landings) {
				this.landings.wait(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			decrement(this.waiting, loginKey);
		}
	}

	/** How long an attempt after the given number of failures waits. */
	Duration delay(int loginFailures) {
		return ThrottleRules.delay(this.maxFailures, loginFailures);
	}

	@Override
	public void recordFailure(String login, String clientAddress) {
		increment(ThrottleRules.loginKey(login));
		increment(ThrottleRules.addressKey(clientAddress));
		release(login, clientAddress);
	}

	@Override
	public void release(String login, String clientAddress) {
		decrement(this.inFlight, ThrottleRules.loginKey(login));
		decrement(this.inFlight, ThrottleRules.addressKey(clientAddress));
		synchronized (this.landings) {
			this.landings.notifyAll();
		}
	}

	private static void decrement(Map<String, Integer> counts, String key) {
		counts.computeIfPresent(key, (k, count) -> (count > 1) ? count - 1 : null);
	}

	private int count(String key) {
		AtomicInteger count = this.failures.getIfPresent(key);
		return (count != null) ? count.get() : 0;
	}

	private void increment(String key) {
		this.failures.asMap().computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
	}

}
