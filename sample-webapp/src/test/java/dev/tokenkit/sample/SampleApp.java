package dev.tokenkit.sample;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
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
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The sample's configuration in embedded Jetty 12 on a free port of 127.0.0.1, with the one difference a test needs:
 * its clock is a {@link MutableClock}, so that idle expiry is observed without sleeping.
 */
final class SampleApp implements AutoCloseable {

	final MutableClock clock = MutableClock.start();

	private final Server server = new Server();

	SampleApp() {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.register(SampleConfig.class);
		TestClock.next = this.clock;
		context.register(TestClock.class);
		ServletContextHandler handler = new ServletContextHandler("/", ServletContextHandler.SESSIONS);
		handler.addEventListener(new ContextLoaderListener(context));
		FilterHolder security = new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain"));
		security.setAsyncSupported(true);
		handler.addFilter(security, "/*", EnumSet.allOf(DispatcherType.class));
		ServletHolder dispatcher = new ServletHolder(new DispatcherServlet(context));
		dispatcher.setAsyncSupported(true);
		handler.addServlet(dispatcher, "/");
		ServerConnector connector = new ServerConnector(this.server);
		connector.setHost("127.0.0.1");
		this.server.addConnector(connector);
		this.server.setHandler(handler);
		try {
			this.server.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The sample did not start", ex);
		}
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
