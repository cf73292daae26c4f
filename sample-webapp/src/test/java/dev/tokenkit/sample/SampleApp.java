package dev.tokenkit.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.support.ServletRequestHandledEvent;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.testing.RawHttp;

/**
 * The sample as its README starts it, {@link SampleApplication} on embedded Jetty, with its own properties, error
 * handling and server, on a free port of 127.0.0.1, with the one difference a test needs: its clock is a
 * {@link MutableClock}, so that idle expiry is observed without sleeping. Settings are given as command-line
 * arguments, as a user would.
 */
final class SampleApp implements AutoCloseable {

	/**
	 * The resource lock of test classes that run the sample on its default embedded database, which every such app of
	 * the test JVM shares (its demo accounts, its donations): they run one after another, the other classes beside them.
	 */
	static final String DEFAULT_DATABASE = "the sample's default embedded database";

	final MutableClock clock;

	/** Requests for a path with "secure" in it that reached the app's controllers (Spring MVC's handled events). */
	final LongAdder secureHandlerCalls = new LongAdder();

	private final ConfigurableApplicationContext context;

	/** The sample with its embedded defaults. */
	SampleApp() {
		this(Map.of(), MutableClock.start());
	}

	/**
	 * The sample with some settings ({@code application.properties} keys), and a clock it may share with other nodes;
	 * on a free port unless {@code server.port} is among them.
	 */
	SampleApp(Map<String, Object> settings, MutableClock clock) {
		this.clock = clock;
		List<String> args = new ArrayList<>(settings.containsKey("server.port") ? List.of() : List.of("--server.port=0"));
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		ApplicationListener<ServletRequestHandledEvent> handled = (event) -> {
			if (event.getRequestUrl().toLowerCase(Locale.ROOT).contains("secure")) {
				this.secureHandlerCalls.increment();
			}
		};
		synchronized (TestClock.class) {
			TestClock.next = clock;
			try {
				this.context = new SpringApplicationBuilder(SampleApplication.class, TestClock.class).listeners(handled)
					.run(args.toArray(String[]::new));
			}
			finally {
				TestClock.next = null;
			}
		}
	}

	/** One of the running app's beans. */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	RawHttp http() {
		return new RawHttp(port());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Replaces the sample's clock with a movable one, the one bean a test replaces: the clock of the app a
	 * {@link SampleApp} is starting, or a fresh one for a {@code @SpringBootTest}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		static volatile @Nullable MutableClock next;

		@Bean
		MutableClock testClock() {
			MutableClock given = next;
			return (given != null) ? given : MutableClock.start();
		}

	}

}
