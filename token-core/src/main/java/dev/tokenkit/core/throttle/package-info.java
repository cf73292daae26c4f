/**
 * The {@link dev.tokenkit.core.throttle.LoginAttempts} SPI: counts of failed logins and attempts in flight that
 * every node sharing a store sees, for a login throttle that holds across nodes.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core.throttle;

import org.jspecify.annotations.NullMarked;
