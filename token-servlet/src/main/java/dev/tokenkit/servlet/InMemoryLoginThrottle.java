package dev.tokenkit.servlet;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tokenkit.servlet.http.TokenErrors;

/**
 * A {@link LoginThrottle} in this JVM's memory. Failed attempts are counted per login (in any case) and per client
 * address within a window. From half of {@code maxFailures} on, each further attempt for that login first waits 200
 * ms per failure beyond the half, at most one second; at {@code maxFailures} for the login, or four times that for the
 * address, every attempt is refused at once with {@code 429} until the window after the first failure has passed.
 * Attempts still being checked count as failures until their outcome is known, so parallel attempts cannot overrun
 * the limit; an attempt that finds the limit taken by attempts in flight waits for them (at most ten seconds) instead
 * of being refused. A
 * successful login does not reset the count, so the answer while throttled is the same whether the password was right
 * or wrong, and an attacker cannot lock an account for longer than one window.
 *
 * @since 0.1.0
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Cache<String, AtomicInteger> failures;

	/** How long an attempt waits for attempts in flight to land before it is refused. */
	static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(10);

	/** Attempts checked whose outcome is not known yet, by login and by address. */
	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	/** Notified whenever an attempt lands. */
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
	 * Counts the attempt as in flight and lets it through if the login's failures and attempts in flight, and the
	 * address's, are within the limit, after the login's delay. Over the limit, it is refused at once when the
	 * failures alone reach it; when attempts in flight make the difference, it waits (at most ten
	 * seconds) for them to land and checks again. So a burst of parallel attempts is held to the limit
	 * as a sequence is, and parallel logins that succeed are queued, not refused. The count in flight is taken before
	 * the failures are read, and a failure is recorded before its attempt lands, so no interleaving lets one more
	 * through.
	 */
	@Override
	public void check(String login, String clientAddress) {
		String loginKey = loginKey(login);
		String addressKey = addressKey(clientAddress);
		long deadline = System.nanoTime() + MAX_QUEUE_WAIT.toNanos();
		for (;;) {
			int loginInFlight = this.inFlight.merge(loginKey, 1, Integer::sum);
			int addressInFlight = this.inFlight.merge(addressKey, 1, Integer::sum);
			int loginFailures = count(loginKey);
			int addressFailures = count(addressKey);
			if (loginFailures + loginInFlight <= this.maxFailures
					&& addressFailures + addressInFlight <= this.maxFailures * 4) {
				pause(delay(loginFailures + loginInFlight - 1));
				return;
			}
			release(login, clientAddress);
			long left = deadline - System.nanoTime();
			if (loginFailures >= this.maxFailures || addressFailures >= this.maxFailures * 4 || left <= 0) {
				throw TokenErrors.tooManyRequests(this.window.toSeconds());
			}
			awaitLanding(Math.min(left, Duration.ofMillis(50).toNanos()));
		}
	}

	private void awaitLanding(long nanos) {
		synchronized (this.landings) {
			try {
				this.landings.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw TokenErrors.tooManyRequests(this.window.toSeconds());
			}
		}
	}

	/** How long an attempt after the given number of failures waits. */
	Duration delay(int loginFailures) {
		int beyondHalf = loginFailures - this.maxFailures / 2;
		return (beyondHalf <= 0) ? Duration.ZERO : Duration.ofMillis(Math.min(1_000, 200L * beyondHalf));
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void recordFailure(String login, String clientAddress) {
		increment(loginKey(login));
		increment(addressKey(clientAddress));
		release(login, clientAddress);
	}

	@Override
	public void release(String login, String clientAddress) {
		land(loginKey(login));
		land(addressKey(clientAddress));
	}

	private void land(String key) {
		this.inFlight.computeIfPresent(key, (k, attempts) -> (attempts > 1) ? attempts - 1 : null);
		synchronized (this.landings) {
			this.landings.notifyAll();
		}
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
