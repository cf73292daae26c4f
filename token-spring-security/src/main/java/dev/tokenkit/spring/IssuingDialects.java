package dev.tokenkit.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.config.Customizer;

import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.AbstractIssuingEndpoint;
import dev.tokenkit.servlet.DsiEndpoint;
import dev.tokenkit.servlet.GlobalGivingEndpoint;
import dev.tokenkit.servlet.TokenEndpoint;
import dev.tokenkit.servlet.TokenIssuer;

/**
 * The issuing dialects a {@link TokenKitConfigurer} serves, each built with the chain's realm and observers and then
 * the app's customizers, in the order they were given. A {@code null} customizer is refused, naming the DSL method's
 * parameter.
 *
 * @param dsi the DSI endpoint's customizer
 * @param globalGiving the GlobalGiving endpoint's customizer
 * @param dsiEnabled whether DSI is served
 * @param globalGivingEnabled whether GlobalGiving is served
 */
record IssuingDialects(Customizer<DsiEndpoint> dsi, Customizer<GlobalGivingEndpoint> globalGiving, boolean dsiEnabled,
		boolean globalGivingEnabled) {

	/** Both dialects, with their defaults. */
	static final IssuingDialects BOTH = new IssuingDialects(Customizer.withDefaults(), Customizer.withDefaults(), true,
			true);

	IssuingDialects withDsi(Customizer<DsiEndpoint> customizer) {
		Objects.requireNonNull(customizer, "dsi cannot be null");
		return new IssuingDialects(inOrder(this.dsi, customizer), this.globalGiving, this.dsiEnabled,
				this.globalGivingEnabled);
	}

	IssuingDialects withGlobalGiving(Customizer<GlobalGivingEndpoint> customizer) {
		Objects.requireNonNull(customizer, "globalGiving cannot be null");
		return new IssuingDialects(this.dsi, inOrder(this.globalGiving, customizer), this.dsiEnabled,
				this.globalGivingEnabled);
	}

	IssuingDialects withDsiEnabled(boolean enabled) {
		return new IssuingDialects(this.dsi, this.globalGiving, enabled, this.globalGivingEnabled);
	}

	IssuingDialects withGlobalGivingEnabled(boolean enabled) {
		return new IssuingDialects(this.dsi, this.globalGiving, this.dsiEnabled, enabled);
	}

	/** Builds the dialects that are served. */
	List<TokenEndpoint> create(TokenIssuer issuer, String realm, TokenObservers observers) {
		List<TokenEndpoint> endpoints = new ArrayList<>();
		if (this.dsiEnabled) {
			endpoints.add(customized(new DsiEndpoint(issuer), realm, observers, this.dsi));
		}
		if (this.globalGivingEnabled) {
			endpoints.add(customized(new GlobalGivingEndpoint(issuer), realm, observers, this.globalGiving));
		}
		return endpoints;
	}

	private static <E extends AbstractIssuingEndpoint> E customized(E endpoint, String realm, TokenObservers observers,
			Customizer<E> customizer) {
		endpoint.setRealm(realm);
		endpoint.setObservers(observers);
		customizer.customize(endpoint);
		return endpoint;
	}

	private static <T> Customizer<T> inOrder(Customizer<T> earlier, Customizer<T> later) {
		return (target) -> {
			earlier.customize(target);
			later.customize(target);
		};
	}

}
