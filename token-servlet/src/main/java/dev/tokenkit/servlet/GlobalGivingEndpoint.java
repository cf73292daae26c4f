package dev.tokenkit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.ResponseFormat;
import dev.tokenkit.servlet.format.TokenResponseWriter;
import dev.tokenkit.servlet.http.ContentType;
import dev.tokenkit.servlet.http.RedactedFailure;
import dev.tokenkit.servlet.http.TokenErrors;
import dev.tokenkit.servlet.http.TokenKitHttpException;

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
public final class GlobalGivingEndpoint implements IssuingEndpoint {

	/** The GlobalGiving default: a token dies 10 hours after its last use, unless the account has its own timeout. */
	public static final TokenPolicy DEFAULT_POLICY = TokenPolicy.ofIdle(Duration.ofHours(10));

	private static final Logger logger = LoggerFactory.getLogger(GlobalGivingEndpoint.class);

	private final TokenIssuer issuer;

	private final TokenResponseWriter writer = new TokenResponseWriter();

	private final GlobalGivingCredentialsReader credentialsReader = new GlobalGivingCredentialsReader();

	private String path = "/api/userservice/tokens";

	private TokenPolicy policy = DEFAULT_POLICY;

	private String realm = TokenErrors.DEFAULT_REALM;

	/**
	 * Creates the endpoint.
	 *
	 * @param issuer authenticates and issues
	 */
	public GlobalGivingEndpoint(TokenIssuer issuer) {
		this.issuer = Objects.requireNonNull(issuer, "issuer cannot be null");
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
	 * Sets the policy of tokens for accounts that have none. Default: {@link #DEFAULT_POLICY}.
	 *
	 * @param policy the policy
	 */
	public void setPolicy(TokenPolicy policy) {
		this.policy = Objects.requireNonNull(policy, "policy cannot be null");
	}

	/**
	 * Sets the largest body read. Default: 16 KiB.
	 *
	 * @param maxBodyBytes the limit in bytes
	 */
	public void setMaxBodyBytes(int maxBodyBytes) {
		this.credentialsReader.setMaxBodyBytes(maxBodyBytes);
	}

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm
	 */
	public void setRealm(String realm) {
		this.realm = EndpointSettings.requireRealm(realm);
	}

	@Override
	public List<String> paths() {
		return List.of(this.path);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		ContentType declared = GlobalGivingCredentialsReader.declaredFormat(request);
		ResponseFormat format = (declared == ContentType.JSON) ? ResponseFormat.JSON : ResponseFormat.XML;
		try {
			TokenErrors.refusePathParameters(request.getRequestURI());
			format = negotiate(request, declared);
			String method = request.getMethod();
			if (method.equals("DELETE")) {
				new Logout(this.issuer.tokenService(), this.realm, this.writer).handle(request, response);
				return;
			}
			if (!method.equals("POST") && !method.equals("GET")) {
				throw TokenErrors.methodNotAllowed("GET, POST, DELETE");
			}
			GlobalGivingCredentialsReader.Read read = this.credentialsReader.read(request);
			format = negotiate(request, read.bodyFormat());
			issue(request, response, read, format);
		}
		catch (TokenKitHttpException ex) {
			this.writer.writeError(response, format, null, ex);
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure on a GlobalGiving request", RedactedFailure.of(ex));
			this.writer.writeError(response, format, null, TokenErrors.internalError());
		}
	}

	private void issue(HttpServletRequest request, HttpServletResponse response, GlobalGivingCredentialsReader.Read read,
			ResponseFormat format) throws IOException {
		IssuedToken token = this.issuer.issue(read.credentials(), this.policy, request.getRemoteAddr(),
				"auth_request realm=\"" + this.realm + "\"");
		this.writer.writeGlobalGivingToken(response, format, token.value());
	}

	private static ResponseFormat negotiate(HttpServletRequest request, ContentType bodyFormat) {
		List<ResponseFormat> offered = (bodyFormat == ContentType.JSON)
				? List.of(ResponseFormat.JSON, ResponseFormat.XML) : List.of(ResponseFormat.XML, ResponseFormat.JSON);
		return AcceptHeader.choose(request.getHeader("Accept"), offered).orElseThrow(TokenErrors::notAcceptable);
	}

}
