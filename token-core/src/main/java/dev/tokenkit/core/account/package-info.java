/**
 * Accounts, credentials and the authenticator that turns one into the other.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.tokenkit.core.account;

import org.jspecify.annotations.NullMarked;
