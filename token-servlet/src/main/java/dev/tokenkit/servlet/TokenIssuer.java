package dev.tokenkit.servlet;

import java.util.Objects;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenOrigin;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.InvalidCredentialsException;
import dev.tokenkit.servlet.error.TokenErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns credentials into a token for both dialects: throttle check, authentication, issuance, and the mapping of their
 * failures to protocol errors ({@code 401} with the dialect's challenge, {@code 429}, {@code 503}).
 *
 * @since 0.1.0
 */
public final class TokenIssuer {

	private static final Logger logger = LoggerFactory.getLogger(TokenIssuer.class);

	private final Authenticator authenticator;

	private final TokenService tokenService;

	private LoginThrottle loginThrottle = LoginThrottle.disabled();

	/**
	 * Creates an issuer.
	 *
	 * @param authenticator checks credentials
	 * @param tokenService issues tokens
	 */
	public TokenIssuer(Authenticator authenticator, TokenService tokenService) {
		this.authenticator = Objects.requireNonNull(authenticator, "authenticator cannot be null");
		this.tokenService = Objects.requireNonNull(tokenService, "tokenService cannot be null");
	}

	/**
	 * Sets the login throttle. Default: {@link LoginThrottle#disabled()}.
	 *
	 * @param loginThrottle the throttle
	 */
	public void setLoginThrottle(LoginThrottle loginThrottle) {
		this.loginThrottle = Objects.requireNonNull(loginThrottle, "loginThrottle cannot be null");
	}

	/**
	 * The token service tokens are issued and revoked with.
	 *
	 * @return the token service
	 */
	public TokenService tokenService() {
		return this.tokenService;
	}

	/**
	 * Authenticates credentials and issues a token.
	 *
	 * @param credentials the checked credentials
	 * @param defaultPolicy the endpoint's policy, used when the account has none
	 * @param origin the issuing dialect and the client's label, kept with the token
	 * @param clientAddress the client's address, for the throttle
	 * @param scheme the scheme the credentials were sent in, named in the challenge of a refusal
	 * @return the token
	 * @throws dev.tokenkit.servlet.error.TokenKitHttpException {@code 401}, {@code 429} or {@code 503}
	 */
	public IssuedToken issue(Credentials credentials, TokenPolicy defaultPolicy, TokenOrigin origin,
			String clientAddress, String scheme) {
		this.loginThrottle.check(credentials.login(), clientAddress);
		boolean failed = false;
		try {
			return this.tokenService.issue(this.authenticator.authenticate(credentials), defaultPolicy, origin);
		}
		catch (InvalidCredentialsException ex) {
			this.loginThrottle.recordFailure(credentials.login(), clientAddress);
			failed = true;
			throw TokenErrors.invalidCredentials(scheme);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("Could not issue a token: the store is unavailable ({})", RedactedFailure.types(ex));
			logger.debug("The store's failure", RedactedFailure.of((ex.getCause() != null) ? ex.getCause() : ex));
			throw TokenErrors.unavailable();
		}
		finally {
			if (!failed) {
				this.loginThrottle.release(credentials.login(), clientAddress);
			}
		}
	}

}
