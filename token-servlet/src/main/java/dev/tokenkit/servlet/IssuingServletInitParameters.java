package dev.tokenkit.servlet;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.servlet.ServletException;

import dev.tokenkit.core.TokenPolicy;

/**
 * Maps the init-params of a {@link TokenIssuingServlet} declared in {@code web.xml} onto its settings; a value that
 * cannot be read fails start-up with a message naming the parameter.
 */
final class IssuingServletInitParameters {

	private final TokenIssuingServlet servlet;

	private final UnaryOperator<String> parameters;

	private IssuingServletInitParameters(TokenIssuingServlet servlet, UnaryOperator<String> parameters) {
		this.servlet = servlet;
		this.parameters = parameters;
	}

	static void apply(TokenIssuingServlet servlet, UnaryOperator<String> parameters) throws ServletException {
		IssuingServletInitParameters init = new IssuingServletInitParameters(servlet, parameters);
		init.map("dsi.enabled", Boolean::parseBoolean, servlet::setDsiEnabled);
		init.map("dsi.tokenPath", Function.identity(), servlet.dsi()::setTokenPath);
		init.map("dsi.credentialsPath", Function.identity(), servlet.dsi()::setCredentialsPath);
		init.map("dsi.queryCredentials", Boolean::parseBoolean, servlet.dsi()::setQueryCredentialsEnabled);
		init.map("dsi.jsonp", Boolean::parseBoolean, servlet.dsi()::setJsonpEnabled);
		init.map("dsi.idleTimeout", IssuingServletInitParameters::idlePolicy, servlet.dsi()::setPolicy);
		init.map("globalgiving.enabled", Boolean::parseBoolean, servlet::setGlobalGivingEnabled);
		init.map("globalgiving.path", Function.identity(), servlet.globalGiving()::setPath);
		init.map("globalgiving.idleTimeout", IssuingServletInitParameters::idlePolicy, servlet.globalGiving()::setPolicy);
		init.map("maxBodyBytes", Integer::parseInt, init::setMaxBodyBytes);
		init.map("realm", Function.identity(), init::setRealm);
	}

	private <T> void map(String name, Function<String, T> parser, Consumer<T> setter) throws ServletException {
		Optional<String> value = Optional.ofNullable(this.parameters.apply(name))
			.map(String::trim)
			.filter((text) -> !text.isEmpty());
		try {
			value.map(parser).ifPresent(setter);
		}
		catch (RuntimeException ex) {
			throw new ServletException("The init-param " + name + " of TokenIssuingServlet is invalid: "
					+ ex.getMessage(), ex);
		}
	}

	private void setMaxBodyBytes(int limit) {
		this.servlet.dsi().setMaxBodyBytes(limit);
		this.servlet.globalGiving().setMaxBodyBytes(limit);
	}

	private void setRealm(String realm) {
		this.servlet.dsi().setRealm(realm);
		this.servlet.globalGiving().setRealm(realm);
	}

	private static TokenPolicy idlePolicy(String duration) {
		return TokenPolicy.ofIdle(Duration.parse(duration));
	}

}
