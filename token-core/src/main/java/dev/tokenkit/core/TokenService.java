package dev.tokenkit.core;

import java.util.List;
import java.util.function.Consumer;

import dev.tokenkit.core.account.Account;

/**
 * Issues tokens for authenticated accounts and turns presented tokens back into principals.
 *
 * <p>Implementations are thread-safe. Every method may throw {@link StoreUnavailableException} when the store
 * behind the service cannot be reached; callers answer that with a retryable error and never let the request through.
 *
 * @since 0.1.0
 */
public interface TokenService {

	/**
	 * Issues a new token for an account that has just proved who it is.
	 *
	 * @param account the authenticated account
	 * @param defaultPolicy the policy to apply when the account has none of its own
	 * @return the new token, whose text is never stored
	 */
	default IssuedToken issue(Account account, TokenPolicy defaultPolicy) {
		return issue(account, defaultPolicy, TokenOrigin.UNKNOWN);
	}

	/**
	 * Issues a new token for an account that has just proved who it is, noting where it was issued for the account's
	 * list of live tokens.
	 *
	 * @param account the authenticated account
	 * @param defaultPolicy the policy to apply when the account has none of its own
	 * @param origin the issuing dialect and the client's label
	 * @return the new token, whose text is never stored
	 */
	IssuedToken issue(Account account, TokenPolicy defaultPolicy, TokenOrigin origin);

	/**
	 * Validates a presented token and, where the token has an idle timeout, counts this as a use.
	 *
	 * @param token the token's text as presented, untrusted
	 * @return the principal the token stands for
	 * @throws InvalidTokenException if the token is malformed, unknown, expired or revoked
	 */
	default TokenPrincipal authenticate(String token) {
		return authenticate(token, (principal) -> {
		});
	}

	/**
	 * Validates a presented token, runs the caller's own check of its principal (for example the request's api key),
	 * and only then counts this as a use: a request that the check refuses never keeps the token alive.
	 *
	 * @param token the token's text as presented, untrusted
	 * @param check run on the token's principal before the use is counted; what it throws refuses the request and is
	 *     rethrown as it is
	 * @return the principal the token stands for
	 * @throws InvalidTokenException if the token is malformed, unknown, expired or revoked
	 */
	TokenPrincipal authenticate(String token, Consumer<TokenPrincipal> check);

	/**
	 * Validates a presented token without counting a use, for a caller that describes the token rather than acts
	 * with it (token introspection, another service checking tokenkit's tokens): an opaque token's idle expiry does
	 * not move.
	 *
	 * @param token the token's text as presented, untrusted
	 * @return what the live token stands for, and its lifetime
	 * @throws InvalidTokenException if the token is malformed, unknown, expired or revoked
	 */
	ActiveToken inspect(String token);

	/**
	 * Revokes one token, so that it fails on its next use.
	 *
	 * @param token the token's text as presented, untrusted
	 * @return {@code true} if a live token was revoked, {@code false} if there was none to revoke
	 */
	boolean revoke(String token);

	/**
	 * Revokes every token of an account, for example after a password change or when the account is disabled.
	 *
	 * @param accountId the account's id
	 * @return how many tokens were revoked, where the service can tell, else {@code 0}
	 */
	int revokeAll(String accountId);

	/**
	 * Lists an account's live tokens, newest first, for its owner: never a token or its hash, but each token's handle.
	 * A service whose tokens the store does not keep (JWTs, of which it keeps only revocations) lists none.
	 *
	 * @param accountId the account's id
	 * @param max the most tokens to list
	 * @return the newest live tokens, newest first
	 * @throws IllegalArgumentException if {@code max} is below 1
	 */
	List<LiveToken> liveTokens(String accountId, int max);

	/**
	 * Revokes one of an account's live tokens by its {@linkplain LiveToken#handle() handle}: only a token of that
	 * account, so that an owner can revoke only their own.
	 *
	 * @param accountId the id of the account the token must belong to
	 * @param handle the token's handle, untrusted
	 * @return {@code true} if a live token of the account was revoked, {@code false} if it had none with that handle
	 */
	boolean revokeByHandle(String accountId, String handle);

}
