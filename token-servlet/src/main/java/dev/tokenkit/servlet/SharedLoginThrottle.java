package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
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
 * {@code maxFailures} waiting per login on each node. Keys are stored as the SHA-256 of the login or address: not in
 * the clear, though pseudonymous rather than secret (an address can be found by hashing candidates).
 *
 * <p>Each attempt has a random id, and ends by it. When the shared store cannot be reached, a check fails closed with
 * {@code 503}; the end of an attempt that cannot be written (and the admission whose answer was lost, which may yet
 * have been made) is kept and sent again before this node's next check, so that an outage does not leave this node's
 * attempts counting in flight. A failure that cannot be written is not counted, and the next check fails closed as
 * well. Ends still unsent when this node stops lapse after {@link LoginAttempts#LEASE}.
 *
 * @since 0.1.0
 */
public final class SharedLoginThrottle implements LoginThrottle {

	private static final Logger logger = LoggerFactory.getLogger(SharedLoginThrottle.class);

	/** At most this many ends are kept for sending again; beyond, they lapse with their lease. */
	private static final int MAX_DEFERRED = 10_000;

	/** At most this many kept ends are sent again before one check. */
	private static final int DEFERRED_PER_CHECK = 100;

	private final LoginAttempts attempts;

	private final int maxFailures;

	private final Duration window;

	/** This node's attempts in flight, by their keys: the ids to end them by. */
	private final Map<Keys, Deque<String>> inFlight = new ConcurrentHashMap<>();

	/** Ends of attempts that the shared store could not take, to send again. */
	private final Queue<End> deferred = new ConcurrentLinkedQueue<>();

	private final AtomicInteger deferredCount = new AtomicInteger();

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
	 * Sends the kept ends, then admits the attempt on its login and then on its address; refused at once when either
	 * has its failures at the limit, else waits for attempts in flight to land and tries again.
	 */
	@Override
	public void check(String login, String clientAddress) {
		Keys keys = Keys.of(login, clientAddress);
		sendDeferred();
		long deadline = System.nanoTime() + ThrottleRules.MAX_QUEUE_WAIT.toNanos();
		for (;;) {
			String attempt = UUID.randomUUID().toString();
			Admission byLogin = admit(attempt, this.maxFailures, keys.login());
			Admission byAddress = byLogin.admitted() ? admit(attempt, addressLimit(), keys.login(), keys.address())
					: null;
			if (byAddress != null && byAddress.admitted()) {
				remember(keys, attempt);
				ThrottleRules.pause(ThrottleRules.delay(this.maxFailures, byLogin.failures()));
				return;
			}
			if (byAddress != null) {
				end(keys.login(), attempt, false);
			}
			boolean full = byLogin.failures() >= this.maxFailures
					|| (byAddress != null && byAddress.failures() >= addressLimit());
			long left = deadline - System.nanoTime();
			if (full || left <= 0 || !awaitLanding(keys.login(), left)) {
				throw TokenErrors.tooManyRequests(this.window.toSeconds());
			}
		}
	}

	@Override
	public void recordFailure(String login, String clientAddress) {
		Keys keys = Keys.of(login, clientAddress);
		String attempt = Objects.requireNonNullElseGet(forget(keys), () -> UUID.randomUUID().toString());
		end(keys.login(), attempt, true);
		end(keys.address(), attempt, true);
	}

	@Override
	public void release(String login, String clientAddress) {
		Keys keys = Keys.of(login, clientAddress);
		String attempt = forget(keys);
		if (attempt != null) {
			end(keys.login(), attempt, false);
			end(keys.address(), attempt, false);
		}
	}

	/**
	 * Admits the attempt on the last of the keys; when the store cannot be reached, keeps the attempt's end for every
	 * key (the admission may have been made) and fails closed.
	 */
	private Admission admit(String attempt, int limit, String... keys) {
		try {
			return this.attempts.admit(keys[keys.length - 1], attempt, limit);
		}
		catch (StoreUnavailableException ex) {
			for (String key : keys) {
				defer(new End(key, attempt));
			}
			logger.warn("A login was refused: the throttle's store is unavailable");
			throw TokenErrors.unavailable();
		}
	}

	/** Ends the attempt on one key, counting a failure or not; keeps the end when the store cannot be reached. */
	private void end(String key, String attempt, boolean failed) {
		try {
			if (failed) {
				this.attempts.recordFailure(key, attempt, this.window);
			}
			else {
				this.attempts.release(key, attempt);
			}
		}
		catch (StoreUnavailableException ex) {
			defer(new End(key, attempt));
			logger.warn(failed ? "A failed login was not counted: the throttle's store is unavailable"
					: "An attempt in flight is kept to end later: the throttle's store is unavailable");
		}
	}

	private void defer(End end) {
		if (this.deferredCount.incrementAndGet() > MAX_DEFERRED) {
			this.deferredCount.decrementAndGet();
			return;
		}
		this.deferred.add(end);
	}

	/** Sends kept ends again, until one fails. */
	private void sendDeferred() {
		for (int i = 0; i < DEFERRED_PER_CHECK; i++) {
			End end = this.deferred.poll();
			if (end == null) {
				return;
			}
			this.deferredCount.decrementAndGet();
			try {
				this.attempts.release(end.key(), end.attempt());
			}
			catch (StoreUnavailableException ex) {
				defer(end);
				return;
			}
		}
	}

	private void remember(Keys keys, String attempt) {
		this.inFlight.compute(keys, (k, ids) -> {
			Deque<String> remembered = (ids != null) ? ids : new ArrayDeque<>();
			remembered.push(attempt);
			return remembered;
		});
	}

	/** Takes the id of one of this node's attempts in flight under the keys, if it has one. */
	private @Nullable String forget(Keys keys) {
		String[] taken = new String[1];
		this.inFlight.computeIfPresent(keys, (k, ids) -> {
			taken[0] = ids.poll();
			return ids.isEmpty() ? null : ids;
		});
		return taken[0];
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

	/** The stored keys of a login and an address: the SHA-256 of each, in hex. */
	private record Keys(String login, String address) {

		static Keys of(String login, String address) {
			return new Keys(sha256(ThrottleRules.loginKey(login)), sha256(ThrottleRules.addressKey(address)));
		}

		private static String sha256(String plain) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every JVM has SHA-256", ex);
			}
		}

	}

	/** The end of an attempt on one key. */
	private record End(String key, String attempt) {
	}

}
