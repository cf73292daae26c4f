package dev.tokenkit.servlet;

import java.util.List;

import dev.tokenkit.servlet.error.TokenErrors;

/**
 * What the endpoints other services call share: one path with its setter, and the realm their answers' challenges name
 * ({@link OAuthAnswers}).
 */
abstract sealed class ServiceEndpoint implements TokenEndpoint
		permits JwkSetEndpoint, IntrospectionEndpoint, AuthorizationServerMetadataEndpoint {

	private String path;

	private OAuthAnswers answers = new OAuthAnswers(TokenErrors.DEFAULT_REALM);

	ServiceEndpoint(String defaultPath) {
		this.path = defaultPath;
	}

	/**
	 * Sets the path. Default: the endpoint's {@code DEFAULT_PATH}.
	 *
	 * @param path the context-relative path, starting with {@code /}
	 */
	public void setPath(String path) {
		this.path = EndpointSettings.requirePath(path, "path");
	}

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm, letters, digits and {@code -._ } only
	 */
	public void setRealm(String realm) {
		this.answers = new OAuthAnswers(realm);
	}

	/**
	 * The path this endpoint answers.
	 *
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	@Override
	public List<String> paths() {
		return List.of(this.path);
	}

	OAuthAnswers answers() {
		return this.answers;
	}

}
