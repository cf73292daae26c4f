package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.time.Duration;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.observation.MicrometerTokenObservers;
import dev.tokenkit.core.observation.TokenKitMeterObservationHandler;
import dev.tokenkit.core.observation.TokenObserver;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.servlet.TokenAuthenticationFilter;

/**
 * What observing a token check costs: the same secure request (a bearer token on {@code /secure/hello}, in process)
 * through tokenkit's servlet filter and through a whole Spring Security chain with tokenkit, with each way of
 * observing it ({@link #observation}): none (the default), Micrometer observers on a no-op registry, on a registry
 * whose meters go to a {@link SimpleMeterRegistry} through tokenkit's {@link TokenKitMeterObservationHandler} (what the
 * Spring Boot starter registers), and through Micrometer's {@link DefaultMeterObservationHandler} instead. The service
 * is built with the observers, as the starter does (its in-memory store is not observed: it answers faster than an
 * observation costs). {@link #observationAlone()} is the check's observation without the check.
 */
@State(Scope.Benchmark)
public class ObservationBenchmark extends BenchmarkSettings {

	/** How checks are observed. */
	@Param({ "none", "noop-registry", "tokenkit-handler", "micrometer-default-handler" })
	public String observation;

	private Filter filter;

	private Filter chain;

	private AnnotationConfigWebApplicationContext context;

	private String authorization;

	private TokenObserver checks;

	private @Nullable Object lastPrincipal;

	private final FilterChain handler = (request, response) -> this.lastPrincipal = (request
		.getAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE) != null) ? request
			.getAttribute(TokenAuthenticationFilter.PRINCIPAL_ATTRIBUTE) : SecurityContextHolder.getContext()
			.getAuthentication();

	/**
	 * Builds the filter and the chain with the observers, and checks that both pass the benchmark's request.
	 *
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Setup(Level.Trial)
	public void setUp() throws IOException, ServletException {
		TokenObservers observers = observers();
		this.checks = observers.checks();
		TokenService service = OpaqueTokenService.builder(new InMemoryTokenStore()).observers(observers).build();
		this.authorization = "Bearer " + service.issue(Fixtures.account(), TokenPolicy.ofIdle(Duration.ofHours(1)))
			.value();
		TokenAuthenticationFilter servletFilter = new TokenAuthenticationFilter(service);
		servletFilter.setObservers(observers);
		this.filter = servletFilter;
		this.context = SpringChains.context(SpringChains.TokenKitChain.class, TokenService.class, service);
		this.context.addBeanFactoryPostProcessor((beans) -> beans.registerSingleton("tokenObservers", observers));
		this.context.setServletContext(new MockServletContext());
		this.context.refresh();
		this.chain = this.context.getBean("springSecurityFilterChain", Filter.class);
		for (MockHttpServletResponse response : new MockHttpServletResponse[] { filterCheck(), chainCheck() }) {
			if (response.getStatus() != 200 || this.lastPrincipal == null) {
				throw new IllegalStateException("The benchmark's request was refused: " + response.getStatus());
			}
		}
	}

	private TokenObservers observers() {
		ObservationRegistry registry = ObservationRegistry.create();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		return switch (this.observation) {
			case "none" -> TokenObservers.none();
			case "noop-registry" -> new MicrometerTokenObservers(ObservationRegistry.NOOP, "opaque", "memory");
			case "tokenkit-handler" -> {
				registry.observationConfig().observationHandler(new TokenKitMeterObservationHandler(meters));
				yield new MicrometerTokenObservers(registry, "opaque", "memory");
			}
			case "micrometer-default-handler" -> {
				registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
				yield new MicrometerTokenObservers(registry, "opaque", "memory");
			}
			default -> throw new IllegalArgumentException("Unknown observation " + this.observation);
		};
	}

	/** Closes the chain's application context. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.context.close();
	}

	/**
	 * The request through tokenkit's servlet filter.
	 *
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public MockHttpServletResponse filterCheck() throws IOException, ServletException {
		return Fixtures.through(this.filter, request(), this.handler);
	}

	/**
	 * The request through a Spring Security chain with tokenkit.
	 *
	 * @return the response
	 * @throws IOException never
	 * @throws ServletException never
	 */
	@Benchmark
	public MockHttpServletResponse chainCheck() throws IOException, ServletException {
		return Fixtures.through(this.chain, request(), this.handler);
	}

	/**
	 * One check's observation alone, started and ended as a success: what the filter adds to a check.
	 */
	@Benchmark
	public void observationAlone() {
		this.checks.start().succeeded();
	}

	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/secure/hello");
		request.setServletPath("/secure/hello");
		request.addHeader("Authorization", this.authorization);
		return request;
	}

}
