package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.filter.DelegatingFilterProxy;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.servlet.TokenAuthenticationFilter;
import dev.tokenkit.servlet.TokenEndpoint;
import dev.tokenkit.servlet.TokenEndpointServlet;

/**
 * The servers the HTTP harness drives: embedded Jetty on 127.0.0.1 with one tiny servlet that counts what it answers,
 * behind nothing, tokenkit's servlet filter, or a Spring Security chain.
 */
final class LoadServers {

	private LoadServers() {
	}

	/** The servlet alone, or behind tokenkit's servlet filter over {@code tokens}. */
	static Started plain(@Nullable TokenService tokens) throws Exception {
		ServletContextHandler context = new ServletContextHandler("/");
		if (tokens != null) {
			context.addFilter(new FilterHolder(new TokenAuthenticationFilter(tokens)), "/*",
					EnumSet.of(DispatcherType.REQUEST));
		}
		return start(context);
	}

	/** The servlet, and tokenkit endpoints at their paths through {@link TokenEndpointServlet}s. */
	static Started withEndpoints(List<TokenEndpoint> endpoints) throws Exception {
		ServletContextHandler context = new ServletContextHandler("/");
		for (TokenEndpoint endpoint : endpoints) {
			for (String path : endpoint.paths()) {
				context.addServlet(new ServletHolder(new TokenEndpointServlet(endpoint)), path);
			}
		}
		return start(context);
	}

	/** The servlet behind one of {@link SpringChains}' chains, given the one bean it needs. */
	static <T> Started spring(Class<?> chain, Class<T> beanType, T bean) throws Exception {
		ServletContextHandler context = new ServletContextHandler("/");
		context.addEventListener(new ContextLoaderListener(SpringChains.context(chain, beanType, bean)));
		context.addFilter(new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain")), "/*",
				EnumSet.of(DispatcherType.REQUEST));
		return start(context);
	}

	private static Started start(ServletContextHandler context) throws Exception {
		LongAdder served = new LongAdder();
		context.addServlet(new ServletHolder(new Hello(served)), "/*");
		Server server = new Server(new QueuedThreadPool(32));
		ServerConnector connector = new ServerConnector(server);
		connector.setHost("127.0.0.1");
		server.addConnector(connector);
		server.setHandler(context);
		server.start();
		return new Started(server, connector.getLocalPort(), served);
	}

	/** A running server and its servlet's count of answered requests. */
	record Started(Server server, int port, LongAdder served) {

		void stop() throws Exception {
			this.server.stop();
		}

	}

	/** The handler every run serves: a few bytes of text. */
	private static final class Hello extends HttpServlet {

		private static final long serialVersionUID = 1L;

		private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);

		private final transient LongAdder served;

		Hello(LongAdder served) {
			this.served = served;
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setContentType("text/plain");
			response.getOutputStream().write(HELLO);
			this.served.increment();
		}

	}

}
