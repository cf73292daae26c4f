package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.time.Duration;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What tokenkit's servlet filter adds to a secure request, in process and without the network noise of the HTTP
 * harness: a request for {@code /secure/hello} with a bearer token through the filter to a chain that only reads
 * the principal, beside the same request sent to that chain directly. Both build the request (Spring's servlet
 * mocks), so the difference is the filter: path check, header parse, token check, request wrapper and headers.
 */
@State(Scope.Benchmark)
public class FilterBenchmark extends BenchmarkSettings {

	private TokenAuthenticationFilter filter;

	private String authorization;

	/** What the handler last found: the principal the filter set, or nothing on the baseline. */
	private @Nullable Object lastPrincipal;

	/** The handler: reads the principal attribute, as a secure handler would. */
	private final FilterChain handler = (request, response) -> this.lastPrincipal = request
		.getAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE);

	/** Issues the token and checks that the filter lets the benchmark's request through. */
	@Setup(Level.Trial)
	public void setUp() {
		OpaqueTokenService service = OpaqueTokenService.builder(new InMemoryTokenStore()).build();
		this.authorization = "Bearer " + service.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1)))
			.value();
		this.filter = new TokenAuthenticationFilter(service);
		try {
			MockHttpServletResponse response = withTokenKitFilter();
			if (response.getStatus() != 200 || this.lastPrincipal == null) {
				throw new IllegalStateException("The filter refused the benchmark's request: " + response.getStatus());
			}
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The baseline: the request straight to the handler.
	 *
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public MockHttpServletResponse withoutFilter() throws IOException, ServletException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.doFilter(request(), response);
		return response;
	}

	/**
	 * tokenkit: the request through the filter.
	 *
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public MockHttpServletResponse withTokenKitFilter() throws IOException, ServletException {
		return Fixtures.through(this.filter, request(), this.handler);
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/secure/hello");
		request.setServletPath("/secure/hello");
		request.addHeader("Authorization", this.authorization);
		return request;
	}

}
