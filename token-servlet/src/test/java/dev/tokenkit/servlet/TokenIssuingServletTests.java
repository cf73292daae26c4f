package dev.tokenkit.servlet;

import java.time.Duration;

import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TestServer;
import dev.tokenkit.servlet.testing.TokenAnswers;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TokenIssuingServletTests {

	@Test
	void initWhenServletAndFilterDeclaredLikeWebXmlThenCollaboratorsFromContextAndInitParamsApplied()
			throws Exception {
		TestServer fixtures = new TestServer();
		Server server = new Server();
		ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
		context.setAttribute(TokenIssuingServlet.AUTHENTICATOR_ATTRIBUTE, new PasswordAuthenticator(fixtures.accounts));
		context.setAttribute(TokenIssuingServlet.TOKEN_SERVICE_ATTRIBUTE, fixtures.tokenService);
		ServletHolder holder = new ServletHolder(TokenIssuingServlet.class);
		holder.setInitParameter("dsi.tokenPath", "/login/token");
		holder.setInitParameter("dsi.queryCredentials", "false");
		holder.setInitParameter("dsi.idleTimeout", "PT5M");
		holder.setInitParameter("globalgiving.enabled", "false");
		holder.setInitOrder(0);
		context.setAttribute(TokenAuthenticationFilter.ACCOUNT_REPOSITORY_ATTRIBUTE, fixtures.accounts);
		FilterHolder filter = new FilterHolder(TokenAuthenticationFilter.class);
		filter.setInitParameter("apiKeyCheck", "true");
		filter.setInitParameter("realm", "web-xml");
		context.addFilter(filter, "/*", EnumSet.allOf(DispatcherType.class));
		context.addServlet(new ServletHolder(new jakarta.servlet.http.HttpServlet() {

			private static final long serialVersionUID = 1L;

			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) {
				response.setStatus(200);
			}

		}), "/secure/*");
		context.addServlet(holder, "/login/token");
		context.addServlet(holder, "/api/userservice/tokens");
		server.setHandler(context);
		server.addConnector(new ServerConnector(server));
		server.start();
		try {
			RawHttp http = new RawHttp(((ServerConnector) server.getConnectors()[0]).getLocalPort());
			String token = TokenAnswers.token(http.get("/login/token", "Authorization: user me:my_password"),
					TokenAnswers.DSI_JSON, "application/json");
			assertThat(http.get("/login/token?username=me&password=my_password").status()).isEqualTo(400);
			assertThat(http.get("/secure/x?api_key=ME_API_KEY&api_token=" + token).status()).isEqualTo(200);
			RawHttp.Response foreignKey = http.get("/secure/x?api_key=YOUR_API_KEY&api_token=" + token);
			assertThat(foreignKey.status()).isEqualTo(403);
			assertThat(foreignKey.body()).contains("invalid_api_key");
			assertThat(http.get("/secure/x?api_key=ME_API_KEY").header("WWW-Authenticate"))
				.startsWith("Bearer realm=\"web-xml\"");
			assertThat(http.post("/api/userservice/tokens", GlobalGivingEndpointTests.SEED_JSON,
					"Content-Type: application/json").status()).isEqualTo(404);
			fixtures.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> fixtures.tokenService.authenticate(token))
				.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.EXPIRED));
		}
		finally {
			server.stop();
		}
	}

	@Test
	void pathsWhenDialectSwitchedOffThenOnlyTheOther() {
		TestServer fixtures = new TestServer();
		TokenIssuingServlet servlet = new TokenIssuingServlet(new PasswordAuthenticator(fixtures.accounts),
				fixtures.tokenService);
		servlet.setDsiEnabled(false);
		assertThat(servlet.paths()).containsExactly("/api/userservice/tokens");
		servlet.setDsiEnabled(true);
		servlet.dsi().setTokenPath("/t");
		assertThat(servlet.paths()).contains("/t", "/t.json", "/t.xml", "/t.csv", "/authentication_credentials.csv",
				"/api/userservice/tokens");
	}

	@Test
	void initWhenInitParamInvalidThenServletExceptionNamingIt() {
		TestServer fixtures = new TestServer();
		Server server = new Server();
		ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
		context.setAttribute(TokenIssuingServlet.AUTHENTICATOR_ATTRIBUTE, new PasswordAuthenticator(fixtures.accounts));
		context.setAttribute(TokenIssuingServlet.TOKEN_SERVICE_ATTRIBUTE, fixtures.tokenService);
		ServletHolder holder = new ServletHolder(TokenIssuingServlet.class);
		holder.setInitParameter("dsi.idleTimeout", "30 minutes");
		holder.setInitOrder(0);
		context.addServlet(holder, "/authentication_token");
		server.setHandler(context);
		server.addConnector(new ServerConnector(server));
		assertThatExceptionOfType(Exception.class).isThrownBy(server::start)
			.satisfies((ex) -> assertThat(ex).hasStackTraceContaining("dsi.idleTimeout"));
		assertThat(holder.isAvailable()).isFalse();
	}

	@Test
	void dsiWhenWebXmlServletNotYetInitialisedThenSaysHowToConfigure() {
		assertThatIllegalStateException().isThrownBy(() -> new TokenIssuingServlet().dsi())
			.withMessageContaining("TokenIssuingServlet(Authenticator, TokenService)");
	}

}
