package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.observation.FailureReason;
import dev.tokenkit.core.observation.TokenObservation;
import dev.tokenkit.core.observation.TokenObserver;
import dev.tokenkit.core.observation.TokenObservers;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;
import dev.tokenkit.servlet.format.ResponseFormat;
import dev.tokenkit.servlet.format.TokenResponseWriter;

/**
 * What both issuing dialects share: the issuer and the writer, the default token policy and the realm with their
 * setters, issuing and logout, and the one place where a failure is answered, in the format negotiated so far. A
 * dialect reads its requests and negotiates its formats in {@code serve}. Sealed: the two dialects are its only
 * kinds.
 *
 * @since 0.1.0
 */
public abstract sealed class AbstractIssuingEndpoint implements TokenEndpoint
		permits DsiEndpoint, GlobalGivingEndpoint {

	private static final TokenObserver UNOBSERVED = TokenObservers.none().issues("none");

	private final Logger logger = LoggerFactory.getLogger(getClass());

	private final TokenIssuer issuer;

	private TokenResponseWriter writer = new TokenResponseWriter(TokenErrors.DEFAULT_REALM);

	private final String dialect;

	/** The dialect in lower case: {@code dsi} or {@code globalgiving}, as observations and token origins name it. */
	private final String dialectName;

	private TokenPolicy policy;

	private TokenObserver issues = UNOBSERVED;

	AbstractIssuingEndpoint(TokenIssuer issuer, TokenPolicy defaultPolicy, String dialect) {
		this.issuer = Objects.requireNonNull(issuer, "issuer cannot be null");
		this.policy = defaultPolicy;
		this.dialect = dialect;
		this.dialectName = dialect.toLowerCase(Locale.ROOT);
	}

	/**
	 * Sets what observes the issuing requests (every request but a logout, which the token service's revocation
	 * observes), tagged with the dialect, {@code dsi} or {@code globalgiving}. Default: {@link TokenObservers#none()}.
	 *
	 * @param observers the observers
	 */
	public void setObservers(TokenObservers observers) {
		this.issues = Objects.requireNonNull(observers, "observers cannot be null")
			.issues(this.dialectName);
	}

	/**
	 * Sets the policy of tokens for accounts that have none. Default: the dialect's {@code DEFAULT_POLICY}.
	 *
	 * @param policy the policy
	 */
	public void setPolicy(TokenPolicy policy) {
		this.policy = Objects.requireNonNull(policy, "policy cannot be null");
	}

	/**
	 * Sets the realm named in challenges. Default: {@code tokenkit}.
	 *
	 * @param realm the realm, letters, digits and {@code -._ } only
	 */
	public void setRealm(String realm) {
		this.writer = new TokenResponseWriter(realm);
	}

	@Override
	public final void handle(HttpServletRequest request, HttpServletResponse response, String path)
			throws IOException {
		Answer answer = new Answer(initialFormat(request));
		// a logout is observed by the token service, as a revocation
		TokenObservation observation = (request.getMethod().equals("DELETE") ? UNOBSERVED : this.issues).start();
		// ended once, however the request ends, and before an error is written
		boolean ended = false;
		try {
			TokenErrors.refusePathParameters(request.getRequestURI());
			serve(request, response, path, answer);
			ended = true;
			observation.succeeded();
		}
		catch (TokenKitHttpException ex) {
			ended = true;
			observation.failed(reason(ex));
			this.writer.writeError(response, answer.format, answer.callback, ex);
		}
		catch (RuntimeException ex) {
			if (!ended) {
				ended = true;
				observation.failed(FailureReason.ERROR);
			}
			this.logger.error("Unexpected failure on a {} request", this.dialect, RedactedFailure.of(ex));
			this.writer.writeError(response, answer.format, answer.callback, TokenErrors.internalError());
		}
		finally {
			if (!ended) {
				// an IOException of a client that went away, or an Error
				observation.failed(FailureReason.ERROR);
			}
		}
	}

	/** Why an issuing request was refused, from its answer. */
	private static FailureReason reason(TokenKitHttpException error) {
		return switch (error.code()) {
			case "invalid_credentials" -> FailureReason.BAD_CREDENTIALS;
			case "too_many_requests" -> FailureReason.THROTTLED;
			case "temporarily_unavailable" -> FailureReason.STORE_UNAVAILABLE;
			case "server_error" -> FailureReason.ERROR;
			default -> FailureReason.INVALID_REQUEST;
		};
	}

	/** The format errors are answered in before anything is negotiated. */
	abstract ResponseFormat initialFormat(HttpServletRequest request);

	/**
	 * Answers a request; throws a {@link TokenKitHttpException} for a failure, answered in the format the
	 * {@link Answer} holds by then.
	 */
	abstract void serve(HttpServletRequest request, HttpServletResponse response, String path, Answer answer)
			throws IOException;

	TokenResponseWriter writer() {
		return this.writer;
	}

	/**
	 * Issues a token for credentials the dialect read; {@code scheme} names its credentials in the challenge. The
	 * token's origin is the dialect and the request's {@code User-Agent}, for the account's list of live tokens.
	 */
	IssuedToken issue(HttpServletRequest request, Credentials credentials, String scheme) {
		TokenOrigin origin = TokenOrigin.of(this.dialectName, request.getHeader("User-Agent"));
		return this.issuer.issue(credentials, this.policy, origin, request.getRemoteAddr(), scheme);
	}

	void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
		new Logout(this.issuer.tokenService(), this.writer).handle(request, response);
	}

	/** The format, and for JSONP the callback, that a failure is answered in; set as the request is read. */
	static final class Answer {

		ResponseFormat format;

		@Nullable String callback;

		Answer(ResponseFormat format) {
			this.format = format;
		}

	}

}
