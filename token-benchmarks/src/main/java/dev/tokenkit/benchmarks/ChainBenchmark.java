package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.time.Duration;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

/**
 * What a token route costs in a whole Spring Security chain, in process: the {@code FilterChainProxy} that
 * {@link HttpLoad} serves over HTTP (its rules: {@code /public/**} open to all, the rest authenticated, tokenkit added
 * with {@code .with(tokenKit(), ...)}), called with a request for a public path and with a request for a secure path
 * with a bearer token, both ending in the same handler, which reads the authentication. The difference is tokenkit's
 * filter and what the chain does for an authenticated request that it does not do for an anonymous one.
 */
@State(Scope.Benchmark)
public class ChainBenchmark extends BenchmarkSettings {

	private AnnotationConfigWebApplicationContext context;

	private Filter chain;

	private String authorization;

	/** What the handler last found: the token's authentication, or the anonymous one on the public route. */
	private @Nullable Authentication lastAuthentication;

	private final FilterChain handler = (request, response) -> this.lastAuthentication = SecurityContextHolder
		.getContext()
		.getAuthentication();

	/** Starts the chain and checks that both routes reach the handler, the secure one authenticated. */
	@Setup(Level.Trial)
	public void setUp() {
		OpaqueTokenService service = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
		this.authorization = "Bearer " + service.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1)))
			.value();
		this.context = SpringChains.context(SpringChains.TokenKitChain.class, TokenService.class, service);
		this.context.setServletContext(new MockServletContext());
		this.context.refresh();
		this.chain = this.context.getBean("springSecurityFilterChain", Filter.class);
		try {
			check(publicRoute(), "anonymousUser");
			check(tokenRoute(), "alice");
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void check(MockHttpServletResponse response, String expectedName) {
		if (response.getStatus() != 200 || this.lastAuthentication == null
				|| !expectedName.equals(this.lastAuthentication.getName())) {
			throw new IllegalStateException("The chain did not pass the benchmark's request as " + expectedName + ": "
					+ response.getStatus());
		}
	}

	/** Closes the chain's application context. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	/**
	 * The baseline: a public path through the chain, anonymous.
	 *
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public MockHttpServletResponse publicRoute() throws IOException, ServletException {
		return Fixtures.through(this.chain, request("/public/hello", null), this.handler);
	}

	/**
	 * tokenkit: a secure path with a bearer token through the chain.
	 *
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public MockHttpServletResponse tokenRoute() throws IOException, ServletException {
		return Fixtures.through(this.chain, request("/secure/hello", this.authorization), this.handler);
	}

	private static MockHttpServletRequest request(String path, @Nullable String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

}
