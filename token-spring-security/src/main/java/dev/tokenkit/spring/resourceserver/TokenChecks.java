package dev.tokenkit.spring.resourceserver;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenService;

/**
 * How the adapters check a token: {@link TokenService#inspect(String)}, which is not a use, or, when checks count as
 * uses, {@link TokenService#authenticate(String)} (an opaque token slides, as on tokenkit's own secure requests) and then
 * the inspection that describes it.
 */
final class TokenChecks {

	private TokenChecks() {
	}

	/**
	 * Checks a token; a refused token and an unreachable store become the framework's exceptions, made from tokenkit's
	 * fixed messages, so that nothing of the token or the failure reaches the caller.
	 */
	static ActiveToken check(TokenService tokens, String token, boolean countsAsUse,
			Function<String, ? extends RuntimeException> refused,
			Function<String, ? extends RuntimeException> unavailable) {
		try {
			if (countsAsUse) {
				tokens.authenticate(token);
			}
			return tokens.inspect(token);
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
