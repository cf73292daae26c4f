package dev.tokenkit.sample;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The sample's configuration in embedded Jetty 12 on a free port of 127.0.0.1, with the one difference a test needs:
 * its clock is a {@link MutableClock}, so that idle expiry is observed without sleeping.
 */
final class SampleApp implements AutoCloseable {

	/**
	 * The resource lock of test classes that run the sample on its default embedded database, which every such app of
	 * the test JVM shares (its demo accounts, its donations): they run one after another, the other classes beside them.
	 */
	static final String DEFAULT_DATABASE = "the sample's default embedded database";

	final MutableClock clock;

	private final Server server = new Server();

	/** Requests for a path with "secure" in it that the security chain let through to the app's servlet. */
	final LongAdder secureHandlerCalls = new LongAdder();

	private final AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();

	/** The sample with its embedded defaults. */
	SampleApp() {
		this(Map.of(), MutableClock.start());
	}

	/**
	 * The sample with some settings (see {@link SampleSettings}) in front of system properties and environment
	 * variables, and a clock it may share with other nodes.
	 */
	SampleApp(Map<String, Object> settings, MutableClock clock) {
		this.clock = clock;
		AnnotationConfigWebApplicationContext context = this.context;
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-settings", settings));
		context.register(SampleConfig.class);
		context.register(TestClock.class);
		ServletContextHandler handler = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
		handler.addEventListener(new ContextLoaderListener(context));
		FilterHolder security = new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain"));
		security.setAsyncSupported(true);
		handler.addFilter(security, "/*", EnumSet.allOf(DispatcherType.class));
		handler.addFilter(new FilterHolder((Filter) (request, response, chain) -> {
			String uri = ((HttpServletRequest) request).getRequestURI().toLowerCase(Locale.ROOT);
			if (uri.contains("secure")) {
				this.secureHandlerCalls.increment();
			}
			chain.doFilter(request, response);
		}), "/*", EnumSet.of(DispatcherType.REQUEST));
		ServletHolder dispatcher = new ServletHolder(new DispatcherServlet(context));
		dispatcher.setAsyncSupported(true);
		handler.addServlet(dispatcher, "/");
		ServerConnector connector = new ServerConnector(this.server);
		connector.setHost("127.0.0.1");
		this.server.addConnector(connector);
		this.server.setHandler(handler);
		try {
			synchronized (TestClock.class) {
				TestClock.next = clock;
				this.server.start();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sample did not start", ex);
		}
	}

	/** One of the running app's beans. */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	int port() {
		return ((ServerConnector) this.server.getConnectors()[0]).getLocalPort();
	}

	RawHttp http() {
		return new RawHttp(port());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sample did not stop", ex);
		}
	}

	/** Replaces the sample's system clock with the clock of the app being started. */
	@Configuration
	static class TestClock {

		static volatile MutableClock next;

		@Bean
		@Primary
		MutableClock testClock() {
			return next;
		}

	}

}
