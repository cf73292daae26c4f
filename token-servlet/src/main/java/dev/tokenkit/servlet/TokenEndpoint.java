package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One of tokenkit's endpoints at its paths: an issuing dialect ({@link DsiEndpoint}, {@link GlobalGivingEndpoint}),
 * which reads credentials its way, issues the token and answers in its formats, or an endpoint other services call to
 * trust tokenkit's tokens ({@link JwkSetEndpoint}, {@link IntrospectionEndpoint},
 * {@link AuthorizationServerMetadataEndpoint}). Every failure is answered here; nothing is thrown to the container.
 *
 * @since 0.1.0
 */
public interface TokenEndpoint {

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
