package dev.tokenkit.spring;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import dev.tokenkit.servlet.TokenIssuingServlet;
import dev.tokenkit.servlet.TokenKitRegistration;
import dev.tokenkit.servlet.testing.DocListings;
import dev.tokenkit.servlet.testing.RawHttp;
import dev.tokenkit.servlet.testing.TokenAnswers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java listings of {@code docs/observability.md}, as printed: compiled with every warning an error, the Spring
 * configuration started and its revocation listener fed, and the plain-servlet wiring served by Jetty and measured.
 */
class ObservabilityDocsTests {

	private static final Path DOC = Path.of("..", "docs", "observability.md");

	@TempDir
	static Path work;

	private static ClassLoader compiled;

	@BeforeAll
	static void compileTheListings() throws IOException {
		compiled = DocListings.compile(DOC, work, work.resolve("classes"), 3);
	}

	@Test
	void springConfigurationWhenStartedThenObservedServiceAndRevocationsReachTheListener() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(compiled.loadClass("com.example.ObservedTokenKitConfig"),
					compiled.loadClass("com.example.RevocationAudit"));
			context.refresh();
			assertThat(context.getBean(TokenObservers.class)).isInstanceOf(MicrometerTokenObservers.class);
			TokenService tokens = context.getBean(TokenService.class);
			String token = tokens.issue(new Account("acct-1", "ann", null, Set.of("ROLE_USER"), true, null),
					TokenPolicy.ofIdle(Duration.ofMinutes(5))).value();
			assertThat(tokens.revoke(token)).isTrue();
			SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
			assertThat(meters.get(MicrometerTokenObservers.REVOCATIONS).tag("operation", "revoke").timer().count())
				.isEqualTo(1);
		}
	}

	@Test
	void plainServletWiringWhenServedThenIssuesAndChecksAreTimed() throws Exception {
		InMemoryAccountRepository accounts = new InMemoryAccountRepository();
		accounts.save(new StoredAccount(new Account("acct-1", "me", null, Set.of("ROLE_USER"), true, null),
				PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("my_password"), null));
		Object wiring = compiled.loadClass("com.example.ObservedServlets")
			.getConstructor(Authenticator.class)
			.newInstance(new PasswordAuthenticator(accounts));
		ServletContextHandler context = new ServletContextHandler("/", ServletContextHandler.NO_SESSIONS);
		TokenKitRegistration.register(context.getServletContext(), (TokenIssuingServlet) field(wiring, "servlet"),
				(TokenAuthenticationFilter) field(wiring, "filter"));
		Server server = new Server();
		ServerConnector connector = new ServerConnector(server);
		connector.setHost("127.0.0.1");
		server.addConnector(connector);
		server.setHandler(context);
		server.start();
		try {
			RawHttp http = new RawHttp(connector.getLocalPort());
			String token = TokenAnswers.token(http.get("/authentication_token", "Authorization: user me:my_password"),
					TokenAnswers.DSI_JSON, "application/json");
			assertThat(http.get("/secure/x", "Authorization: Bearer " + token).status()).isEqualTo(404);
			assertThat(http.get("/secure/x", "Authorization: Bearer tk_nonsense").status()).isEqualTo(401);
		}
		finally {
			server.stop();
		}
		SimpleMeterRegistry meters = (SimpleMeterRegistry) field(wiring, "meters");
		assertThat(meters.get(MicrometerTokenObservers.ISSUES).tag("dialect", "dsi").timer().count()).isEqualTo(1);
		assertThat(meters.get(MicrometerTokenObservers.CHECKS).tag("outcome", "success").timer().count()).isEqualTo(1);
		assertThat(meters.get(MicrometerTokenObservers.CHECKS).tag("reason", "malformed").timer().count())
			.isEqualTo(1);
	}

	private static Object field(Object target, String name) throws ReflectiveOperationException {
		Field field = target.getClass().getField(name);
		return field.get(target);
	}

}
