package dev.tokenkit.servlet;

import java.util.EnumSet;
import java.util.Objects;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

/**
 * Registers tokenkit on a {@link ServletContext} without Spring, from an app's own
 * {@link jakarta.servlet.ServletContainerInitializer} or {@link jakarta.servlet.ServletContextListener}: the issuing
 * servlet at the paths of its enabled dialects, and the authentication filter at {@code /*} for every dispatcher type
 * (it only acts on secure paths). Nothing is registered merely because tokenkit's jar is on the classpath.
 *
 * @since 0.1.0
 */
public final class TokenKitRegistration {

	/** The name the servlet is registered under. */
	public static final String SERVLET_NAME = "tokenkit-issuing";

	/** The name the filter is registered under. */
	public static final String FILTER_NAME = "tokenkit-authentication";

	private TokenKitRegistration() {
	}

	/**
	 * Registers the servlet and the filter. Call it after configuring both: the servlet's paths are read now.
	 *
	 * @param context the servlet context, before it starts
	 * @param servlet the issuing servlet
	 * @param filter the authentication filter
	 */
	public static void register(ServletContext context, TokenIssuingServlet servlet, TokenAuthenticationFilter filter) {
		Objects.requireNonNull(context, "context cannot be null");
		Objects.requireNonNull(servlet, "servlet cannot be null");
		Objects.requireNonNull(filter, "filter cannot be null");
		ServletRegistration.Dynamic servletRegistration = context.addServlet(SERVLET_NAME, servlet);
		servletRegistration.addMapping(servlet.paths().toArray(String[]::new));
		FilterRegistration.Dynamic filterRegistration = context.addFilter(FILTER_NAME, filter);
		filterRegistration.addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
	}

}
