package dev.tokenkit.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** Reads the collaborators of a servlet or filter declared in {@code web.xml} from servlet-context attributes. */
final class ContextAttributes {

	private ContextAttributes() {
	}

	static <T> T require(ServletContext context, String name, Class<T> type) throws ServletException {
		Object value = context.getAttribute(name);
		if (!type.isInstance(value)) {
			throw new ServletException("tokenkit needs a " + type.getSimpleName() + " in the servlet-context attribute "
					+ name + "; set it from a ServletContextListener, or create the servlet and filter in code");
		}
		return type.cast(value);
	}

}
