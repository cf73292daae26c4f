package dev.tokenkit.servlet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InvalidCredentialsException;
import dev.tokenkit.servlet.error.Challenge;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Token introspection (RFC 7662), by default at {@code POST /oauth2/introspect}: a resource server that holds a token
 * (opaque or JWT) asks whether it is active, and for whom. It answers {@code {"active": true, ...}} with {@code sub}
 * (the account id), {@code username}, {@code scope} (the account's authorities, space-separated),
 * {@code authorities} (the same as an array), {@code iat}, {@code exp} and {@code token_type}, or only
 * {@code {"active": false}} for a token that is malformed, unknown, expired, revoked or not meant for the caller.
 *
 * <p>Only clients that authenticate with HTTP Basic ({@code client_secret_basic}) are answered; their secrets are
 * checked by an {@link Authenticator}, for example a {@link dev.tokenkit.core.account.PasswordAuthenticator} over
 * accounts whose password hashes are the clients' secret hashes (the same constant work for an unknown client as for a
 * wrong secret). A client's authorities limit what it sees: a token is active to it only when the token's account holds
 * one of them; a client without authorities sees every token. A caller that has not authenticated is answered
 * {@code 401 invalid_client} before its body is read, so it learns nothing of any token. Failed client logins go through
 * the {@link LoginThrottle} ({@code 429} when over it). A client's id and secret that passed are remembered by the
 * SHA-256 of the secret while in use, so that the password hash is checked once, not on every introspection, and
 * guesses at a client's secret cannot lock the client itself out.
 *
 * <p>Design note: an introspection is not a use of the token: an opaque token's idle expiry does not move, unless
 * {@link #setCountsAsUse(boolean)} says a resource server's check is a use like tokenkit's own. When the token store
 * cannot be reached the answer is {@code 503 temporarily_unavailable}, never {@code active: true}.
 *
 * @since 0.1.0
 */
public final class IntrospectionEndpoint extends ServiceEndpoint {

	/** The default path, Spring Authorization Server's. */
	public static final String DEFAULT_PATH = "/oauth2/introspect";

	/** The most bytes a request body may have: room for the longest token and a type hint. */
	static final int MAX_BODY_BYTES = 16 * 1024;

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String CLIENT_PREFIX = "introspection-client:";

	private static final Map<String, Object> INACTIVE = Map.of("active", false);

	private final TokenService tokenService;

	private final Authenticator clients;

	private final VerifiedClients verified = new VerifiedClients();

	private LoginThrottle throttle = LoginThrottle.disabled();

	private boolean countsAsUse;

	/**
	 * Creates the endpoint.
	 *
	 * @param tokenService the service whose tokens are described
	 * @param clients checks the clients' ids and secrets; an account's authorities limit the tokens it sees
	 */
	public IntrospectionEndpoint(TokenService tokenService, Authenticator clients) {
		super(DEFAULT_PATH);
		this.tokenService = Objects.requireNonNull(tokenService, "tokenService cannot be null");
		this.clients = Objects.requireNonNull(clients, "clients cannot be null");
	}

	/**
	 * Sets the throttle of failed client logins, counted per client id and per address. Default:
	 * {@link LoginThrottle#disabled()}.
	 *
	 * @param throttle the throttle
	 */
	public void setLoginThrottle(LoginThrottle throttle) {
		this.throttle = Objects.requireNonNull(throttle, "throttle cannot be null");
	}

	/**
	 * Sets whether an introspection that finds a token active counts as a use of it (an opaque token's idle expiry
	 * slides, as on a secure request). Default: {@code false}.
	 *
	 * @param countsAsUse whether it counts
	 */
	public void setCountsAsUse(boolean countsAsUse) {
		this.countsAsUse = countsAsUse;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		answers().serve("introspection", request, response, () -> {
			if (!request.getMethod().equals("POST")) {
				throw TokenErrors.methodNotAllowed("POST");
			}
			Account client = authenticateClient(request);
			String token = token(request);
			Map<String, Object> answer = describe(token, client);
			answers().write(response, 200, OAuthAnswers.JSON_TYPE, OAuthAnswers.json(answer), "no-store");
		});
	}

	private Account authenticateClient(HttpServletRequest request) {
		Credentials credentials = basicCredentials(request);
		Account known = this.verified.find(credentials);
		if (known != null) {
			return known;
		}
		String login = CLIENT_PREFIX + credentials.login();
		String address = request.getRemoteAddr();
		this.throttle.check(login, address);
		try {
			Account client = this.clients.authenticate(credentials);
			this.verified.remember(credentials, client);
			this.throttle.release(login, address);
			return client;
		}
		catch (InvalidCredentialsException ex) {
			this.throttle.recordFailure(login, address);
			throw invalidClient();
		}
		catch (RuntimeException ex) {
			this.throttle.release(login, address);
			throw ex;
		}
	}

	/** The client's id and secret from {@code Authorization: Basic}, each form-encoded (RFC 6749 section 2.3.1). */
	private static Credentials basicCredentials(HttpServletRequest request) {
		AuthorizationHeader header = AuthorizationHeader.of(request);
		if (header == null || !header.scheme().equals("basic")) {
			throw invalidClient();
		}
		try {
			byte[] decoded = Base64.getDecoder().decode(header.credentials());
			String pair = TextRules.strictUtf8(ByteBuffer.wrap(decoded), "not UTF-8");
			int colon = pair.indexOf(':');
			if (colon <= 0) {
				throw invalidClient();
			}
			return Credentials.of(PercentDecoder.decode(pair.substring(0, colon), true),
					PercentDecoder.decode(pair.substring(colon + 1), true));
		}
		catch (IllegalArgumentException | TokenKitHttpException ex) {
			throw invalidClient();
		}
	}

	/** The one {@code token} of a form body; never one in the query string, where logs would keep it. */
	private static String token(HttpServletRequest request) {
		if (QueryParameters.parse(request.getQueryString()).has("token")) {
			throw TokenErrors.badRequest("The token must be sent in the form body, not in the query string");
		}
		String type = Objects.toString(request.getHeader("Content-Type"), "");
		if (!isUtf8Form(type)) {
			throw TokenErrors.badRequest("The request body must be application/x-www-form-urlencoded");
		}
		String token = QueryParameters.parse(RequestBody.read(request, MAX_BODY_BYTES)).single("token");
		if (token == null || token.isEmpty()) {
			throw TokenErrors.badRequest("The token parameter is missing");
		}
		return token;
	}

	private static boolean isUtf8Form(String contentType) {
		String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
		if (!parts[0].trim().equals(FORM)) {
			return false;
		}
		for (int i = 1; i < parts.length; i++) {
			String[] parameter = parts[i].trim().split("=", 2);
			if (parameter[0].equals("charset") && (parameter.length < 2
					|| !parameter[1].replace("\"", "").trim().equals("utf-8"))) {
				return false;
			}
		}
		return true;
	}

	private Map<String, Object> describe(String token, Account client) {
		ActiveToken active;
		try {
			active = this.tokenService.inspect(token);
			if (!visibleTo(client, active.principal())) {
				return INACTIVE;
			}
			if (this.countsAsUse) {
				this.tokenService.authenticate(token);
				active = this.tokenService.inspect(token);
			}
		}
		catch (InvalidTokenException ex) {
			return INACTIVE;
		}
		catch (StoreUnavailableException ex) {
			throw TokenErrors.unavailable();
		}
		return activeAnswer(active);
	}

	private static boolean visibleTo(Account client, TokenPrincipal principal) {
		return client.authorities().isEmpty() || !Collections.disjoint(client.authorities(), principal.authorities());
	}

	private static Map<String, Object> activeAnswer(ActiveToken active) {
		TokenPrincipal principal = active.principal();
		List<String> authorities = List.copyOf(new TreeSet<>(principal.authorities()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.put("sub", principal.accountId());
		answer.put("username", principal.username());
		answer.put("scope", String.join(" ", authorities));
		answer.put("authorities", authorities);
		answer.put("iat", active.issuedAt().getEpochSecond());
		answer.put("exp", active.expiresAt().getEpochSecond());
		answer.put("token_type", "Bearer");
		return answer;
	}

	private static TokenKitHttpException invalidClient() {
		return new TokenKitHttpException(401, "invalid_client", "Client authentication failed", Map.of(),
				Challenge.of("Basic"));
	}

}
