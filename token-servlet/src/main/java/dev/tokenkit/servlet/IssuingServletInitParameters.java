package dev.tokenkit.servlet;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.servlet.ServletException;

import dev.tokenkit.core.TokenPolicy;

/**
 * Reads the init-params of a {@link TokenIssuingServlet} declared in {@code web.xml} onto its endpoints' settings; a
 * value that cannot be read fails start-up with a message naming the parameter.
 */
final class IssuingServletInitParameters {

	private final UnaryOperator<String> parameters;

	IssuingServletInitParameters(UnaryOperator<String> parameters) {
		this.parameters = parameters;
	}

	/** Sets what the init-params name on the two endpoints; a parameter that is absent leaves its setting alone. */
	void applyTo(DsiEndpoint dsi, GlobalGivingEndpoint globalGiving) throws ServletException {
		map("dsi.tokenPath", Function.identity(), dsi::setTokenPath);
		map("dsi.credentialsPath", Function.identity(), dsi::setCredentialsPath);
		map("dsi.queryCredentials", Boolean::parseBoolean, dsi::setQueryCredentialsEnabled);
		map("dsi.jsonp", Boolean::parseBoolean, dsi::setJsonpEnabled);
		map("dsi.idleTimeout", IssuingServletInitParameters::idlePolicy, dsi::setPolicy);
		map("globalgiving.path", Function.identity(), globalGiving::setPath);
		map("globalgiving.idleTimeout", IssuingServletInitParameters::idlePolicy, globalGiving::setPolicy);
		map("maxBodyBytes", Integer::parseInt, (limit) -> {
			dsi.setMaxBodyBytes(limit);
			globalGiving.setMaxBodyBytes(limit);
		});
		map("realm", Function.identity(), (realm) -> {
			dsi.setRealm(realm);
			globalGiving.setRealm(realm);
		});
	}

	/** Whether a dialect is on: the {@code true}/{@code false} init-param {@code name}, else {@code otherwise}. */
	boolean enabled(String name, boolean otherwise) {
		return value(name).map(Boolean::parseBoolean).orElse(otherwise);
	}

	private <T> void map(String name, Function<String, T> parser, Consumer<T> setter) throws ServletException {
		try {
			value(name).map(parser).ifPresent(setter);
		}
		catch (RuntimeException ex) {
			throw new ServletException("The init-param " + name + " of TokenIssuingServlet is invalid: "
					+ ex.getMessage(), ex);
		}
	}

	private Optional<String> value(String name) {
		return Optional.ofNullable(this.parameters.apply(name)).map(String::trim).filter((text) -> !text.isEmpty());
	}

	private static TokenPolicy idlePolicy(String duration) {
		return TokenPolicy.ofIdle(Duration.parse(duration));
	}

}
