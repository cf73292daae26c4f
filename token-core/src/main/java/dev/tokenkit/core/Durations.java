package dev.tokenkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The checks tokenkit's settings make on durations, with the one message each failure gives, naming the setting.
 *
 * @since 0.1.0
 */
public final class Durations {

	private Durations() {
	}

	/**
	 * Requires a duration longer than zero.
	 *
	 * @param value the duration
	 * @param name the setting's name, for the message
	 * @return the duration
	 * @throws NullPointerException if it is {@code null}
	 * @throws IllegalArgumentException if it is zero or negative
	 */
	public static Duration requirePositive(Duration value, String name) {
		if (requireNotNegative(value, name).isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
		return value;
	}

	/**
	 * Requires a duration of zero or more.
	 *
	 * @param value the duration
	 * @param name the setting's name, for the message
	 * @return the duration
	 * @throws NullPointerException if it is {@code null}
	 * @throws IllegalArgumentException if it is negative
	 */
	public static Duration requireNotNegative(Duration value, String name) {
		Objects.requireNonNull(value, () -> name + " cannot be null");
		if (value.isNegative()) {
			throw new IllegalArgumentException(name + " cannot be negative");
		}
		return value;
	}

}
