package dev.tokenkit.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.format.ResponseFormat;
import dev.tokenkit.servlet.format.TokenResponseWriter;

/**
 * The token-issuing servlet: serves the {@link DsiEndpoint DSI} and {@link GlobalGivingEndpoint GlobalGiving}
 * dialects at their paths ({@link #paths()}), each switchable.
 *
 * <p>Built in code with {@link #TokenIssuingServlet(Authenticator, TokenService)} and configured through
 * {@link #dsi()} and {@link #globalGiving()}; or declared in {@code web.xml} with the no-argument constructor, in which
 * case {@link #init()} takes the {@link Authenticator} and {@link TokenService} from the servlet-context attributes
 * {@link #AUTHENTICATOR_ATTRIBUTE} and {@link #TOKEN_SERVICE_ATTRIBUTE} and maps these init-params (all optional):
 * {@code dsi.enabled}, {@code dsi.tokenPath}, {@code dsi.credentialsPath}, {@code dsi.queryCredentials},
 * {@code dsi.jsonp}, {@code dsi.idleTimeout}, {@code globalgiving.enabled}, {@code globalgiving.path},
 * {@code globalgiving.idleTimeout} (durations in ISO-8601, such as {@code PT30M}), {@code maxBodyBytes} and
 * {@code realm}.
 *
 * @since 0.1.0
 */
public class TokenIssuingServlet extends HttpServlet {

	/** The servlet-context attribute holding the {@link Authenticator} for a servlet declared in {@code web.xml}. */
	public static final String AUTHENTICATOR_ATTRIBUTE = Authenticator.class.getName();

	/** The servlet-context attribute holding the {@link TokenService} for a servlet declared in {@code web.xml}. */
	public static final String TOKEN_SERVICE_ATTRIBUTE = TokenService.class.getName();

	private static final long serialVersionUID = 1L;

	private final transient TokenResponseWriter writer = new TokenResponseWriter(TokenErrors.DEFAULT_REALM);

	private transient @Nullable TokenIssuer issuer;

	private transient @Nullable DsiEndpoint dsi;

	private transient @Nullable GlobalGivingEndpoint globalGiving;

	private boolean dsiEnabled = true;

	private boolean globalGivingEnabled = true;

	/** Creates a servlet for {@code web.xml}: its collaborators come from servlet-context attributes at {@link #init()}. */
	public TokenIssuingServlet() {
	}

	/**
	 * Creates a servlet in code.
	 *
	 * @param authenticator checks credentials
	 * @param tokenService issues and revokes tokens
	 */
	public TokenIssuingServlet(Authenticator authenticator, TokenService tokenService) {
		createEndpoints(authenticator, tokenService);
	}

	/**
	 * The DSI endpoint, to configure.
	 *
	 * @return the endpoint
	 * @throws IllegalStateException before {@link #init()} for a servlet made with the no-argument constructor
	 */
	public DsiEndpoint dsi() {
		return Optional.ofNullable(this.dsi).orElseThrow(TokenIssuingServlet::notInitialised);
	}

	/**
	 * The GlobalGiving endpoint, to configure.
	 *
	 * @return the endpoint
	 * @throws IllegalStateException before {@link #init()} for a servlet made with the no-argument constructor
	 */
	public GlobalGivingEndpoint globalGiving() {
		return Optional.ofNullable(this.globalGiving).orElseThrow(TokenIssuingServlet::notInitialised);
	}

	/**
	 * The issuer both endpoints share, to set a {@link LoginThrottle} on.
	 *
	 * @return the issuer
	 * @throws IllegalStateException before {@link #init()} for a servlet made with the no-argument constructor
	 */
	public TokenIssuer issuer() {
		return Optional.ofNullable(this.issuer).orElseThrow(TokenIssuingServlet::notInitialised);
	}

	/**
	 * Switches the DSI dialect on or off. Default: on.
	 *
	 * @param dsiEnabled whether to serve it
	 */
	public void setDsiEnabled(boolean dsiEnabled) {
		this.dsiEnabled = dsiEnabled;
	}

	/**
	 * Switches the GlobalGiving dialect on or off. Default: on.
	 *
	 * @param globalGivingEnabled whether to serve it
	 */
	public void setGlobalGivingEnabled(boolean globalGivingEnabled) {
		this.globalGivingEnabled = globalGivingEnabled;
	}

	/**
	 * The context-relative paths to map this servlet to: those of the enabled dialects.
	 *
	 * @return the paths
	 */
	public List<String> paths() {
		return endpoints().stream().flatMap((endpoint) -> endpoint.paths().stream()).toList();
	}

	@Override
	public void init() throws ServletException {
		if (this.issuer == null) {
			ServletContext context = getServletContext();
			createEndpoints(ContextAttributes.require(context, AUTHENTICATOR_ATTRIBUTE, Authenticator.class),
					ContextAttributes.require(context, TOKEN_SERVICE_ATTRIBUTE, TokenService.class));
			IssuingServletInitParameters init = new IssuingServletInitParameters(this::getInitParameter);
			init.applyTo(dsi(), globalGiving());
			this.dsiEnabled = init.enabled("dsi.enabled", this.dsiEnabled);
			this.globalGivingEnabled = init.enabled("globalgiving.enabled", this.globalGivingEnabled);
		}
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = Objects.toString(request.getServletPath(), "") + Objects.toString(request.getPathInfo(), "");
		for (TokenEndpoint endpoint : endpoints()) {
			if (endpoint.paths().contains(path)) {
				endpoint.handle(request, response, path);
				return;
			}
		}
		this.writer.writeError(response, ResponseFormat.JSON, null, TokenErrors.notFound());
	}

	private List<TokenEndpoint> endpoints() {
		List<TokenEndpoint> endpoints = new ArrayList<>();
		if (this.dsiEnabled) {
			endpoints.add(dsi());
		}
		if (this.globalGivingEnabled) {
			endpoints.add(globalGiving());
		}
		return endpoints;
	}

	private void createEndpoints(Authenticator authenticator, TokenService tokenService) {
		this.issuer = new TokenIssuer(authenticator, tokenService);
		this.dsi = new DsiEndpoint(this.issuer);
		this.globalGiving = new GlobalGivingEndpoint(this.issuer);
	}

	private static IllegalStateException notInitialised() {
		return new IllegalStateException("The servlet gets its endpoints at init(); configure it there or create it "
				+ "with TokenIssuingServlet(Authenticator, TokenService)");
	}

}
