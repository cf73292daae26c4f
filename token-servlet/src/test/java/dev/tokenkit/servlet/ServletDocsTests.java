package dev.tokenkit.servlet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.ServletContextListener;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tokenkit.servlet.testing.DocListings;
import dev.tokenkit.servlet.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-servlet registrations of {@code docs/servlet.md}, as printed: its Java listings compiled, its
 * {@code web.xml} declarations deployed, each in plain Jetty without Spring, and a token issued and checked through
 * them.
 */
class ServletDocsTests {

	private static final Path DOC = Path.of("..", "docs", "servlet.md");

	@TempDir
	static Path work;

	private static ClassLoader compiled;

	@BeforeAll
	static void compileTheListings() throws IOException {
		compiled = DocListings.compile(DOC, work, work.resolve("webapp/WEB-INF/classes"), 2);
	}

	@Test
	void registrationInCodeWhenRunThenTokenIssuedAndSecurePathsGuarded() throws Exception {
		ServletContextHandler context = new ServletContextHandler("/");
		context.addEventListener((ServletContextListener) compiled
			.loadClass("com.example.TokenKitRegistrationListener")
			.getConstructor()
			.newInstance());
		try (Running app = Running.start(context)) {
			assertServesTokensAndGuardsSecurePaths(app.http());
		}
	}

	@Test
	void webXmlWhenDeployedThenTokenIssuedAndSecurePathsGuarded() throws Exception {
		String declarations = String.join("\n", DocListings.blocks(DOC, "xml"));
		Files.writeString(work.resolve("webapp/WEB-INF/web.xml"),
				"<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\" metadata-complete=\"true\">\n"
						+ declarations + "\n</web-app>\n");
		WebAppContext webapp = new WebAppContext(work.resolve("webapp").toString(), "/");
		webapp.setParentLoaderPriority(true);
		try (Running app = Running.start(webapp)) {
			assertServesTokensAndGuardsSecurePaths(app.http());
		}
	}

	/** A DSI token for the listing's account; a secure path refuses no token, and wants the api key the filter checks. */
	private static void assertServesTokensAndGuardsSecurePaths(RawHttp http) {
		RawHttp.Response issued = http.get("/authentication_token", "Authorization: user me:my_password");
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		String token = issued.body().replace("\"", "");
		RawHttp.Response noToken = http.get("/secure/account");
		assertThat(noToken.status()).isEqualTo(401);
		assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"tokenkit\"");
		RawHttp.Response noApiKey = http.get("/secure/account", "Authorization: Bearer " + token);
		assertThat(noApiKey.status()).isEqualTo(400);
		assertThat(noApiKey.body()).contains("api_key");
	}

	/** Jetty on a free port of 127.0.0.1 with one context. */
	private record Running(Server server, int port) implements AutoCloseable {

		static Running start(Handler context) throws Exception {
			Server server = new Server();
			ServerConnector connector = new ServerConnector(server);
			connector.setHost("127.0.0.1");
			server.addConnector(connector);
			server.setHandler(context);
			server.start();
			return new Running(server, connector.getLocalPort());
		}

		RawHttp http() {
			return new RawHttp(this.port);
		}

		@Override
		public void close() {
			try {
				this.server.stop();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Jetty did not stop", ex);
			}
		}

	}

}
