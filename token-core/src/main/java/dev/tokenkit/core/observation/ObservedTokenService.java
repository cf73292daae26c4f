package dev.tokenkit.core.observation;

import java.util.Objects;
import java.util.function.Consumer;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;

/**
 * A token service whose revocations are observed ({@link TokenObservers#revocations}): {@code revoke} (one token, as
 * a logout does) and {@code revoke_all}. Issues and checks pass straight through: the endpoints and filters that
 * call them observe them, with reasons the service cannot know (credentials, throttle, api key).
 *
 * @since 0.1.0
 */
public final class ObservedTokenService implements TokenService {

	private final TokenService service;

	private final TokenObserver revokes;

	private final TokenObserver accountRevokes;

	/**
	 * Observes a service.
	 *
	 * @param service the service
	 * @param observers makes the observers of its revocations
	 */
	public ObservedTokenService(TokenService service, TokenObservers observers) {
		this.service = Objects.requireNonNull(service, "service cannot be null");
		this.revokes = observers.revocations("revoke");
		this.accountRevokes = observers.revocations("revoke_all");
	}

	@Override
	public IssuedToken issue(Account account, TokenPolicy defaultPolicy) {
		return this.service.issue(account, defaultPolicy);
	}

	@Override
	public TokenPrincipal authenticate(String token, Consumer<TokenPrincipal> check) {
		return this.service.authenticate(token, check);
	}

	@Override
	public boolean revoke(String token) {
		return Observing.call(this.revokes, () -> this.service.revoke(token));
	}

	@Override
	public int revokeAll(String accountId) {
		return Observing.call(this.accountRevokes, () -> this.service.revokeAll(accountId));
	}

}
