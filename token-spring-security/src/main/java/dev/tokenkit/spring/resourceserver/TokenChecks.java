package dev.tokenkit.spring.resourceserver;

import java.util.List;
import java.util.TreeSet;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.TokenService;

/**
 * How the adapters check a token: {@link TokenService#inspect(String)}, which is not a use, or, when checks count as
 * uses, {@link TokenService#authenticate(String)} (an opaque token slides, as on tokenkit's own secure requests) and then
 * the inspection that describes it.
 */
final class TokenChecks {

	private TokenChecks() {
	}

	static ActiveToken check(TokenService tokens, String token, boolean countsAsUse) {
		if (countsAsUse) {
			tokens.authenticate(token);
		}
		return tokens.inspect(token);
	}

	/** The token's authorities in a stable order. */
	static List<String> authorities(ActiveToken active) {
		return List.copyOf(new TreeSet<>(active.principal().authorities()));
	}

}
