package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One issuing dialect at its paths: reads the credentials its way, issues the token, and answers in its formats. Every
 * failure is answered here, in the negotiated format; nothing is thrown to the container.
 *
 * @since 0.1.0
 */
public interface IssuingEndpoint {

	/**
	 * The context-relative paths this endpoint answers, for servlet mappings.
	 *
	 * @return the paths
	 */
	List<String> paths();

	/**
	 * Whether a request for a path is this endpoint's to answer: one of {@link #paths()}, or a path the endpoint
	 * answers with {@code 404} itself, so that the app behind it never sees a near miss of a token path.
	 *
	 * @param path the context-relative path
	 * @return whether {@link #handle} answers it
	 */
	default boolean claims(String path) {
		return paths().contains(path);
	}

	/**
	 * Answers a request to a path it {@linkplain #claims(String) claims}.
	 *
	 * @param request the request
	 * @param response the response
	 * @param path the context-relative path, one it claims
	 * @throws IOException if the client has gone
	 */
	void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException;

}
