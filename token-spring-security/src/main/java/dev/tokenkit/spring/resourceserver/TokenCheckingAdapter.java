package dev.tokenkit.spring.resourceserver;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenService;

/**
 * What the two resource-server adapters share: the token service and how they check a token with it. A check is
 * {@link TokenService#inspect(String)}, which is not a use, or, when checks count as uses,
 * {@link TokenService#authenticate(String)} (an opaque token slides, as on tokenkit's own secure requests) and then
 * the inspection that describes it.
 */
abstract sealed class TokenCheckingAdapter permits TokenKitJwtDecoder, TokenKitOpaqueTokenIntrospector {

	private final TokenService tokens;

	private boolean countsAsUse;

	TokenCheckingAdapter(TokenService tokens) {
		this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
	}

	/**
	 * Sets whether a check counts as a use of the token (an opaque token's idle expiry slides; a JWT's never does).
	 * Default: {@code false}.
	 *
	 * @param countsAsUse whether it counts
	 */
	public void setCountsAsUse(boolean countsAsUse) {
		this.countsAsUse = countsAsUse;
	}

	/**
	 * Checks a token; a refused token and an unreachable store become the framework's exceptions, made from tokenkit's
	 * fixed messages, so that nothing of the token or the failure reaches the caller.
	 */
	final ActiveToken check(String token, Function<String, ? extends RuntimeException> refused,
			Function<String, ? extends RuntimeException> unavailable) {
		try {
			if (this.countsAsUse) {
				this.tokens.authenticate(token);
			}
			return this.tokens.inspect(token);
		}
		catch (InvalidTokenException ex) {
			throw refused.apply(InvalidTokenException.MESSAGE);
		}
		catch (StoreUnavailableException ex) {
			throw unavailable.apply(StoreUnavailableException.MESSAGE);
		}
	}

	/** The token's authorities in a stable order. */
	static List<String> authorities(ActiveToken active) {
		return List.copyOf(new TreeSet<>(active.principal().authorities()));
	}

}
