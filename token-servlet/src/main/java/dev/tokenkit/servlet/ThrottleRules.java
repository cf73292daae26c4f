package dev.tokenkit.servlet;

import java.time.Duration;
import java.util.Locale;

/**
 * What both login throttles apply alike: the keys of a login (in any case) and of an address, the address's limit of
 * four times the login's, the delay near the limit, and how long an attempt waits for attempts in flight to land.
 */
final class ThrottleRules {

	/** How long an attempt waits for attempts in flight to land before it is refused. */
	static final Duration MAX_QUEUE_WAIT = Duration.ofSeconds(10);

	/** The longest single wait for a landing, after which an attempt checks again. */
	static final Duration LANDING_POLL = Duration.ofMillis(50);

	private ThrottleRules() {
	}

	/** Failures and attempts in flight allowed to one client address. */
	static int addressLimit(int maxFailures) {
		return maxFailures * 4;
	}

	/** How long an attempt after the given number of failures of its login waits: 200 ms per failure beyond half. */
	static Duration delay(int maxFailures, int loginFailures) {
		int beyondHalf = loginFailures - maxFailures / 2;
		return (beyondHalf <= 0) ? Duration.ZERO : Duration.ofMillis(Math.min(1_000, 200L * beyondHalf));
	}

	/** Sleeps for the delay; an interrupt ends the sleep and stays set. */
	static void pause(Duration delay) {
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

	static String loginKey(String login) {
		return "login:" + login.toLowerCase(Locale.ROOT);
	}

	static String addressKey(String address) {
		return "address:" + address;
	}

}
