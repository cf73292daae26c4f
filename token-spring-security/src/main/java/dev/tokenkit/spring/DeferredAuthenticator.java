package dev.tokenkit.spring;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.Credentials;

/**
 * The authenticator of endpoints built in {@code init()}, before the chain's {@code AuthenticationManager} exists; the
 * configurer sets the real one in {@code configure()}.
 */
final class DeferredAuthenticator implements Authenticator {

	private volatile @Nullable Authenticator delegate;

	void set(Authenticator delegate) {
		this.delegate = Objects.requireNonNull(delegate, "delegate cannot be null");
	}

	@Override
	public Account authenticate(Credentials credentials) {
		Authenticator current = this.delegate;
		if (current == null) {
			throw new IllegalStateException("The security filter chain is not built yet");
		}
		return current.authenticate(credentials);
	}

}
