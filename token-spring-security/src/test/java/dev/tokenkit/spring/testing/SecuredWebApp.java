package dev.tokenkit.spring.testing;

import java.util.Map;

import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * A Spring web application of one configuration class on a mock servlet context, with beans of the test's own
 * registered by name, and MockMvc over it with Spring Security's {@code springSecurity()}. A configuration that fails
 * to start is closed, and its failure thrown.
 */
public final class SecuredWebApp implements AutoCloseable {

	private final AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();

	private SecuredWebApp(Class<?> configuration, Map<String, Object> beans) {
		this.context.setServletContext(new MockServletContext());
		this.context.setClassLoader(configuration.getClassLoader());
		this.context.register(configuration);
		this.context.addBeanFactoryPostProcessor((factory) -> beans.forEach(factory::registerSingleton));
		try {
			this.context.refresh();
		}
		catch (RuntimeException ex) {
			this.context.close();
			throw ex;
		}
	}

	/** Starts a configuration. */
	public static SecuredWebApp start(Class<?> configuration) {
		return start(configuration, Map.of());
	}

	/** Starts a configuration with the beans it expects of the app, by name. */
	public static SecuredWebApp start(Class<?> configuration, Map<String, Object> beans) {
		return new SecuredWebApp(configuration, beans);
	}

	/** MockMvc over the application, through its security filter chain. */
	public MockMvc mvc() {
		return MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	/** One of the application's beans. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
