package dev.tokenkit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.ResponseFormat;

/**
 * The GlobalGiving dialect: {@code POST} (or {@code GET}) {@code /api/userservice/tokens} with an
 * {@code <auth_request>} or {@code {"auth_request":..}} body of email, password and api key (or, on {@code GET}, the
 * {@code email}, {@code password} and {@code api_key} query parameters), answered with {@code <auth_response>} or
 * {@code {"auth_response":..}}; {@code DELETE} for logout.
 *
 * <p>The answer's format follows {@code Accept}; without one (or with a wildcard) it follows the body's format, and
 * XML when there is no body. See {@code docs/globalgiving.md}.
 *
 * @since 0.1.0
 */
public final class GlobalGivingEndpoint extends AbstractIssuingEndpoint {

	/** The GlobalGiving default: a token dies 10 hours after its last use, unless the account has its own timeout. */
	public static final TokenPolicy DEFAULT_POLICY = TokenPolicy.ofIdle(Duration.ofHours(10));

	private final GlobalGivingCredentialsReader credentialsReader = new GlobalGivingCredentialsReader();

	private String path = "/api/userservice/tokens";

	/**
	 * Creates the endpoint.
	 *
	 * @param issuer authenticates and issues
	 */
	public GlobalGivingEndpoint(TokenIssuer issuer) {
		super(issuer, DEFAULT_POLICY, "GlobalGiving");
	}

	/**
	 * Sets the path. Default: {@code /api/userservice/tokens}.
	 *
	 * @param path the context-relative path, starting with {@code /}
	 */
	public void setPath(String path) {
		this.path = EndpointSettings.requirePath(path, "path");
	}

	/**
	 * Sets the largest body read. Default: 16 KiB.
	 *
	 * @param maxBodyBytes the limit in bytes
	 */
	public void setMaxBodyBytes(int maxBodyBytes) {
		this.credentialsReader.setMaxBodyBytes(maxBodyBytes);
	}

	@Override
	public List<String> paths() {
		return List.of(this.path);
	}

	@Override
	ResponseFormat initialFormat(HttpServletRequest request) {
		return (GlobalGivingCredentialsReader.declaredFormat(request) == ContentType.JSON) ? ResponseFormat.JSON
				: ResponseFormat.XML;
	}

	@Override
	void serve(HttpServletRequest request, HttpServletResponse response, String path, Answer answer)
			throws IOException {
		answer.format = negotiate(request, GlobalGivingCredentialsReader.declaredFormat(request));
		String method = request.getMethod();
		if (method.equals("DELETE")) {
			logout(request, response);
			return;
		}
		if (!method.equals("POST") && !method.equals("GET")) {
			throw TokenErrors.methodNotAllowed("GET, POST, DELETE");
		}
		GlobalGivingCredentialsReader.Read read = this.credentialsReader.read(request);
		answer.format = negotiate(request, read.bodyFormat());
		IssuedToken token = issue(request, read.credentials(), "auth_request");
		writer().writeGlobalGivingToken(response, answer.format, token.value());
	}

	private static ResponseFormat negotiate(HttpServletRequest request, ContentType bodyFormat) {
		List<ResponseFormat> offered = (bodyFormat == ContentType.JSON)
				? List.of(ResponseFormat.JSON, ResponseFormat.XML) : List.of(ResponseFormat.XML, ResponseFormat.JSON);
		return AcceptHeader.choose(request.getHeader("Accept"), offered).orElseThrow(TokenErrors::notAcceptable);
	}

}
