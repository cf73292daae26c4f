package dev.tokenkit.sample;

import org.springframework.web.servlet.support.AbstractAnnotationConfigDispatcherServletInitializer;

/**
 * Starts the sample in any Servlet 6.1 container: one application context ({@link SampleConfig}) and the
 * {@code DispatcherServlet} at {@code /}. No Spring Boot.
 *
 * @since 0.1.0
 */
public class SampleWebAppInitializer extends AbstractAnnotationConfigDispatcherServletInitializer {

	@Override
	protected Class<?>[] getRootConfigClasses() {
		return new Class<?>[] { SampleConfig.class };
	}

	@Override
	protected Class<?>[] getServletConfigClasses() {
		return new Class<?>[0];
	}

	@Override
	protected String[] getServletMappings() {
		return new String[] { "/" };
	}

}
