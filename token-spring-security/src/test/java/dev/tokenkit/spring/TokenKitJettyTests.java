package dev.tokenkit.spring;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/** The same app over real HTTP in embedded Jetty 12: DispatcherServlet plus the springSecurityFilterChain. */
class TokenKitJettyTests {

	private static Server server;

	private static RawHttp http;

	@BeforeAll
	static void start() throws Exception {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.register(TestApp.class);
		ServletContextHandler handler = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
		handler.addEventListener(new ContextLoaderListener(context));
		FilterHolder security = new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain"));
		security.setAsyncSupported(true);
		handler.addFilter(security, "/*", EnumSet.allOf(DispatcherType.class));
		ServletHolder dispatcher = new ServletHolder(new DispatcherServlet(context));
		dispatcher.setAsyncSupported(true);
		handler.addServlet(dispatcher, "/");
		server = new Server();
		server.addConnector(new ServerConnector(server));
		server.setHandler(handler);
		server.start();
		http = new RawHttp(((ServerConnector) server.getConnectors()[0]).getLocalPort());
	}

	@AfterAll
	static void stop() throws Exception {
		server.stop();
	}

	@Test
	void tokenRoundTripWhenOverRealHttpThenWorksWithoutSession() {
		RawHttp.Response issued = http.get("/authentication_token?username=me&password=my_password");
		String token = TokenAnswers.token(issued, TokenAnswers.DSI_JSON, "application/json");
		assertThat(issued.headerValues("Set-Cookie")).isEmpty();
		RawHttp.Response whoami = http.get("/secure/whoami", "Authorization: Bearer " + token);
		assertThat(whoami.status()).isEqualTo(200);
		assertThat(whoami.body()).isEqualTo("me [ROLE_USER]");
		assertThat(whoami.headerValues("Set-Cookie")).isEmpty();
		assertThat(http.delete("/authentication_token", "Authorization: Bearer " + token).status()).isEqualTo(204);
		TokenAnswers.jsonError(http.get("/secure/whoami", "Authorization: Bearer " + token), 401, "invalid_token");
	}

	@Test
	void headerWhenTheFirewallRejectsItsValueThenBadRequestNotServerError() {
		// U+0085 in UTF-8 is C2 85: read as ISO-8859-1 it holds a C1 control, which StrictHttpFirewall rejects lazily
		String nel = new String("\u0085".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

		RawHttp.Response issuing = http.get("/authentication_token", "Authorization: user me:my_pass" + nel + "word");
		RawHttp.Response secure = http.get("/secure/whoami", "Authorization: Bearer tk_abc" + nel);

		assertThat(issuing.status()).isEqualTo(400);
		assertThat(issuing.body()).doesNotContain("my_pass").doesNotContain("Exception");
		assertThat(secure.status()).isEqualTo(400);
		assertThat(secure.header("WWW-Authenticate")).contains("error=\"invalid_request\"");
	}

	@Test
	void globalGivingWhenSeedExampleOverRealHttpThenXmlToken() {
		RawHttp.Response response = http.post("/api/userservice/tokens", "{'auth_request':{'user':{'email':"
				+ "'John_Doe@hotmail.com','password':'somepassword'}, 'api_key':'YOUR_API_KEY'}}",
				"Accept: application/xml", "Content-Type: application/json");
		TokenAnswers.token(response, TokenAnswers.GG_XML, "application/xml");
	}

	@Test
	void browserPageWhenNotLoggedInThenRedirectToLogin() {
		RawHttp.Response response = http.get("/account", "Accept: text/html");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void forwardWhenToSecurePathThenTokenCheckedAndSessionUserNotEnough() {
		assertThat(http.get("/api/public/go").status()).isEqualTo(401);
		String token = TokenAnswers.token(http.get("/authentication_token?username=me&password=my_password"),
				TokenAnswers.DSI_JSON, "application/json");
		RawHttp.Response forwarded = http.get("/api/public/go?access_token=" + token);
		assertThat(forwarded.status()).isEqualTo(200);
		assertThat(forwarded.body()).isEqualTo("me [ROLE_USER]");
	}

	@Test
	void asyncWhenTokenThenAsyncDispatchKeepsAuthenticationAndNoSession() {
		String token = TokenAnswers.token(http.get("/authentication_token?username=me&password=my_password"),
				TokenAnswers.DSI_JSON, "application/json");
		RawHttp.Response response = http.get("/secure/async", "Authorization: Bearer " + token);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("async me");
		assertThat(response.headerValues("Set-Cookie")).isEmpty();
	}

	@Test
	void securePathTrickWhenNoTokenThenNeverServed() {
		for (String path : new String[] { "/SECURE/whoami", "/secure;x=1/whoami", "/x/../secure/whoami",
				"/%73ecure/whoami" }) {
			assertThat(http.get(path).status()).as(path).isIn(400, 401);
		}
	}

}
