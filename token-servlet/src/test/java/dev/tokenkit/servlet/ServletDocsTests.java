package dev.tokenkit.servlet;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import jakarta.servlet.ServletContextListener;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		Path sources = Files.createDirectories(work.resolve("src/com/example"));
		Path classes = Files.createDirectories(work.resolve("webapp/WEB-INF/classes"));
		List<String> files = new ArrayList<>();
		for (String listing : blocks("java")) {
			Matcher name = Pattern.compile("public class (\\w+)").matcher(listing);
			assertThat(name.find()).as("a public class in %s", listing).isTrue();
			Path file = sources.resolve(name.group(1) + ".java");
			Files.writeString(file, listing);
			files.add(file.toString());
		}
		assertThat(files).hasSize(2);
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), "-Xlint:all", "-Werror"));
		args.addAll(files);
		assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac's exit status").isZero();
		compiled = new URLClassLoader(new URL[] { classes.toUri().toURL() }, ServletDocsTests.class.getClassLoader());
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
		String declarations = String.join("\n", blocks("xml"));
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

	private static List<String> blocks(String language) throws IOException {
		Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
			.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
		List<String> found = new ArrayList<>();
		while (block.find()) {
			found.add(block.group(1));
		}
		return found;
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
