package dev.tokenkit.servlet.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.ApiKeys;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.observation.ObservedTokenStore;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.CountingTokenStore;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import dev.tokenkit.servlet.TokenEndpoint;
import dev.tokenkit.servlet.TokenEndpointServlet;
import dev.tokenkit.servlet.TokenIssuingServlet;
import dev.tokenkit.servlet.TokenKitRegistration;

/**
 * tokenkit in embedded Jetty 12 (ee11) on a free port of 127.0.0.1: the issuing servlet and the filter registered
 * with {@link TokenKitRegistration}, the accounts of both seed documents, an in-memory store on a {@link MutableClock},
 * and a protected echo servlet at {@code /api/*} and {@code /secure/*} that counts its calls.
 */
public final class TestServer implements AutoCloseable {

	/** The DSI seed document's account. */
	public static final String DSI_USER = "me";

	public static final String DSI_PASSWORD = "my_password";

	/** The GlobalGiving seed document's account. */
	public static final String GG_EMAIL = "John_Doe@hotmail.com";

	public static final String GG_PASSWORD = "somepassword";

	public static final String GG_API_KEY = "YOUR_API_KEY";

	public final MutableClock clock = MutableClock.start();

	public final CountingTokenStore store;

	public final TokenService tokenService;

	public final InMemoryAccountRepository accounts = new InMemoryAccountRepository();

	/** Calls that reached the protected handlers at {@code /api/*} and {@code /secure/*}. */
	public final AtomicInteger secureHandlerCalls = new AtomicInteger();

	public final TokenIssuingServlet servlet;

	public final TokenAuthenticationFilter filter;

	private final Server server = new Server();

	private final ServletContextHandler context;

	public TestServer() {
		this(TokenKind.OPAQUE);
	}

	/** A server issuing tokens of the given kind. */
	public TestServer(TokenKind kind) {
		this(null, "/", kind, TokenObservers.none());
	}

	private TestServer(@Nullable TokenStore backing, String contextPath, TokenKind kind, TokenObservers observers) {
		this.store = new CountingTokenStore((backing != null) ? backing : new InMemoryTokenStore(this.clock));
		this.tokenService = kind.service((observers == TokenObservers.none()) ? this.store
				: new ObservedTokenStore(this.store, observers), this.clock, observers);
		this.accounts.save(new StoredAccount(new Account("acct-me", DSI_USER, "me@example.test", Set.of("ROLE_USER"),
				true, null), TestAccounts.bcrypt(DSI_PASSWORD), ApiKeys.hash("ME_API_KEY")));
		this.accounts.save(new StoredAccount(new Account("acct-john", "john", GG_EMAIL, Set.of("ROLE_USER", "ROLE_DONOR"),
				true, null), TestAccounts.bcrypt(GG_PASSWORD), ApiKeys.hash(GG_API_KEY)));
		this.accounts.save(new StoredAccount(new Account("acct-short", "short", "short@example.test", Set.of("ROLE_USER"),
				true, TokenPolicy.ofIdle(Duration.ofMinutes(2))), TestAccounts.bcrypt("short-password"), null));
		this.accounts.save(TestAccounts.storedAlice());
		this.accounts.save(TestAccounts.storedBob());
		this.accounts.save(TestAccounts.storedDave());
		this.servlet = new TokenIssuingServlet(new PasswordAuthenticator(this.accounts), this.tokenService);
		this.filter = new TokenAuthenticationFilter(this.tokenService);
		this.filter.setObservers(observers);
		this.servlet.dsi().setObservers(observers);
		this.servlet.globalGiving().setObservers(observers);
		this.context = new ServletContextHandler(contextPath, ServletContextHandler.NO_SESSIONS);
		this.context.addServlet(new ServletHolder(new EchoServlet(this.secureHandlerCalls)), "/api/*");
		this.context.addServlet(new ServletHolder(new EchoServlet(this.secureHandlerCalls)), "/secure/*");
		this.context.addServlet(new ServletHolder(new EchoServlet(new AtomicInteger())), "/public/*");
		this.context.addServlet(new ServletHolder(new DispatchingServlet()), "/dispatch/*");
		ErrorPageErrorHandler errorPages = new ErrorPageErrorHandler();
		errorPages.addErrorPage(409, "/api/secure/error-page");
		this.context.setErrorHandler(errorPages);
		this.server.setHandler(this.context);
		this.server.addConnector(new ServerConnector(this.server));
	}

	/** A server whose token store is the given one, for fault tests. */
	public static TestServer withStore(TokenStore store) {
		return new TestServer(store, "/", TokenKind.OPAQUE, TokenObservers.none());
	}

	/** A JDBC store on a PostgreSQL port nothing listens on: every call fails as unavailable. */
	public static TokenStore unreachableStore() {
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setServerNames(new String[] { "127.0.0.1" });
		unreachable.setPortNumbers(new int[] { 1 });
		return JdbcTokenStore.builder(unreachable).build();
	}

	/** A server deployed under a context path. */
	public static TestServer atContextPath(String contextPath) {
		return new TestServer(null, contextPath, TokenKind.OPAQUE, TokenObservers.none());
	}

	/**
	 * A server whose service, store (an {@code ObservedTokenStore}), endpoints and filter report to the given
	 * observers; its store may be given.
	 */
	public static TestServer observed(TokenKind kind, @Nullable TokenStore store, TokenObservers observers) {
		return new TestServer(store, "/", kind, observers);
	}

	/** Serves one more endpoint at its paths through a {@link TokenEndpointServlet}; call before {@code start}. */
	public TestServer serve(TokenEndpoint endpoint) {
		for (String path : endpoint.paths()) {
			this.context.addServlet(new ServletHolder(new TokenEndpointServlet(endpoint)), path);
		}
		return this;
	}

	/** Configures the servlet and filter, then registers them and starts Jetty. */
	public TestServer start(Consumer<TestServer> configuration) {
		configuration.accept(this);
		TokenKitRegistration.register(this.context.getServletContext(), this.servlet, this.filter);
		try {
			this.server.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Jetty did not start", ex);
		}
		return this;
	}

	public TestServer start() {
		return start((server) -> {
		});
	}

	public int port() {
		return ((ServerConnector) this.server.getConnectors()[0]).getLocalPort();
	}

	public RawHttp http() {
		return new RawHttp(port());
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

	/** A public servlet that forwards to, includes, or fails into the path in its query: {@code ?forward=/api/...}. */
	static final class DispatchingServlet extends HttpServlet {

		private static final long serialVersionUID = 1L;

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response)
				throws IOException, jakarta.servlet.ServletException {
			String forward = request.getParameter("forward");
			String include = request.getParameter("include");
			if (forward != null) {
				request.getRequestDispatcher(forward).forward(request, response);
			}
			else if (include != null) {
				response.setContentType("text/plain;charset=UTF-8");
				response.getWriter().print("included:");
				request.getRequestDispatcher(include).include(request, response);
			}
			else {
				response.sendError(409);
			}
		}

	}

	/** Answers what the request knows of its user, and counts its calls. */
	static final class EchoServlet extends HttpServlet {

		private static final long serialVersionUID = 1L;

		private final transient AtomicInteger calls;

		EchoServlet(AtomicInteger calls) {
			this.calls = calls;
		}

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			this.calls.incrementAndGet();
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter()
				.print("user=" + request.getRemoteUser() + " principal="
						+ ((request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : null)
						+ " authType=" + request.getAuthType() + " inRoleUser=" + request.isUserInRole("USER")
						+ " inRoleDonor=" + request.isUserInRole("ROLE_DONOR") + " attribute="
						+ (request.getAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE) != null));
		}

	}

}
