package dev.tokenkit.servlet;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.JsonpCallback;
import dev.tokenkit.servlet.format.ResponseFormat;

/**
 * The DSI dialect: {@code GET /authentication_token[.json|.xml|.csv]} and
 * {@code POST /authentication_credentials[.json|.xml|.csv]}, with {@code DELETE} on either for logout.
 *
 * <p>The format is the suffix's, else the {@code Accept} header's, else JSON; with JSON a {@code callback} parameter
 * asks for JSONP (when enabled). A JSONP request must not carry {@code Authorization: Basic}: browsers send cached
 * Basic credentials on their own, and a cross-site {@code <script>} would then receive the token. Credentials come from {@code Authorization: user NAME:PASSWORD} (split at the first
 * colon), {@code Authorization: Basic}, the {@code username} and {@code password} query parameters ({@code GET}, when
 * enabled), or the {@code POST} body ({@code {"Username":..,"Password":..}} or {@code <Credentials>}); exactly one
 * of these per request. See {@code docs/dsi.md}.
 *
 * @since 0.1.0
 */
public final class DsiEndpoint extends AbstractIssuingEndpoint {

	/** The DSI default: a token dies 30 minutes after its last use. */
	public static final TokenPolicy DEFAULT_POLICY = TokenPolicy.ofIdle(Duration.ofMinutes(30));

	private static final List<String> SUFFIXES = List.of("", ".json", ".xml", ".csv");

	private static final Map<String, ResponseFormat> SUFFIX_FORMATS = Map.of(".json", ResponseFormat.JSON, ".xml",
			ResponseFormat.XML, ".csv", ResponseFormat.CSV);

	private final DsiCredentialsReader credentialsReader = new DsiCredentialsReader();

	private String tokenPath = "/authentication_token";

	private String credentialsPath = "/authentication_credentials";

	/** Both paths with every suffix, read on every request by the filter in front: made when a path is set. */
	private List<String> paths = paths(this.tokenPath, this.credentialsPath);

	private boolean jsonpEnabled = true;

	/**
	 * Creates the endpoint.
	 *
	 * @param issuer authenticates and issues
	 */
	public DsiEndpoint(TokenIssuer issuer) {
		super(issuer, DEFAULT_POLICY, "DSI");
	}

	/**
	 * Sets the token path. Default: {@code /authentication_token}.
	 *
	 * @param tokenPath the context-relative path, starting with {@code /}
	 */
	public void setTokenPath(String tokenPath) {
		this.tokenPath = EndpointSettings.requirePath(tokenPath, "tokenPath");
		this.paths = paths(this.tokenPath, this.credentialsPath);
	}

	/**
	 * Sets the credentials path. Default: {@code /authentication_credentials}.
	 *
	 * @param credentialsPath the context-relative path, starting with {@code /}
	 */
	public void setCredentialsPath(String credentialsPath) {
		this.credentialsPath = EndpointSettings.requirePath(credentialsPath, "credentialsPath");
		this.paths = paths(this.tokenPath, this.credentialsPath);
	}

	/**
	 * Whether {@code username} and {@code password} query parameters are read. When off they are answered with
	 * {@code 400}. Default: on, as the DSI document defines them.
	 *
	 * @param queryCredentialsEnabled whether to read them
	 */
	public void setQueryCredentialsEnabled(boolean queryCredentialsEnabled) {
		this.credentialsReader.setQueryCredentialsEnabled(queryCredentialsEnabled);
	}

	/**
	 * Whether a {@code callback} parameter turns a JSON answer into JSONP. When off the parameter is ignored. Default:
	 * on, as the DSI document defines it.
	 *
	 * @param jsonpEnabled whether to answer JSONP
	 */
	public void setJsonpEnabled(boolean jsonpEnabled) {
		this.jsonpEnabled = jsonpEnabled;
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
		return this.paths;
	}

	private static List<String> paths(String tokenPath, String credentialsPath) {
		return SUFFIXES.stream().flatMap((suffix) -> Stream.of(tokenPath + suffix, credentialsPath + suffix)).toList();
	}

	/**
	 * Its paths, and every other suffix of them ({@code .JSON}, {@code .html}, {@code .json.xml}), which it answers
	 * {@code 404}.
	 *
	 * @param path the context-relative path
	 * @return whether it answers the path
	 */
	@Override
	public boolean claims(String path) {
		return this.paths.contains(path) || hasSuffix(path, this.tokenPath) || hasSuffix(path, this.credentialsPath);
	}

	/** {@code base.anything}, compared in place: every request through a Spring chain is asked this. */
	private static boolean hasSuffix(String path, String base) {
		return path.length() > base.length() && path.charAt(base.length()) == '.' && path.startsWith(base);
	}

	@Override
	ResponseFormat initialFormat(HttpServletRequest request) {
		return ResponseFormat.JSON;
	}

	@Override
	void serve(HttpServletRequest request, HttpServletResponse response, String path, Answer answer)
			throws IOException {
		if (!this.paths.contains(path)) {
			throw TokenErrors.notFound();
		}
		QueryParameters query = QueryParameters.parse(request.getQueryString());
		ResponseFormat negotiated = negotiate(request, path, query);
		answer.format = (negotiated == ResponseFormat.JSONP) ? ResponseFormat.JSON : negotiated;
		String callback = (negotiated == ResponseFormat.JSONP) ? JsonpCallback.require(query.single("callback")) : null;
		answer.callback = callback;
		answer.format = negotiated;
		if (request.getMethod().equals("DELETE")) {
			logout(request, response);
			return;
		}
		Credentials credentials = readCredentials(request, query, path, negotiated == ResponseFormat.JSONP);
		IssuedToken token = issue(request, credentials, "user");
		writer().writeDsiToken(response, negotiated, callback, token.value());
	}

	private Credentials readCredentials(HttpServletRequest request, QueryParameters query, String path,
			boolean jsonp) {
		boolean tokenCall = path.startsWith(this.tokenPath) && SUFFIXES.contains(path.substring(this.tokenPath.length()));
		String method = request.getMethod();
		if (tokenCall && method.equals("GET")) {
			return this.credentialsReader.fromGet(request, query, jsonp);
		}
		if (!tokenCall && method.equals("POST")) {
			return this.credentialsReader.fromPost(request, query, jsonp);
		}
		throw TokenErrors.methodNotAllowed(tokenCall ? "GET, DELETE" : "POST, DELETE");
	}

	/**
	 * The suffix's format, else the {@code Accept} header's; JSON becomes JSONP when a callback is sent and JSONP is on,
	 * and JSONP can only be chosen then.
	 */
	private ResponseFormat negotiate(HttpServletRequest request, String path, QueryParameters query) {
		boolean jsonp = this.jsonpEnabled && query.single("callback") != null;
		ResponseFormat format = SUFFIX_FORMATS.get(path.substring(path.lastIndexOf('/')).replaceFirst("^[^.]*", ""));
		if (format == null) {
			List<ResponseFormat> offered = jsonp
					? List.of(ResponseFormat.JSON, ResponseFormat.XML, ResponseFormat.CSV, ResponseFormat.JSONP)
					: List.of(ResponseFormat.JSON, ResponseFormat.XML, ResponseFormat.CSV);
			format = AcceptHeader.choose(request.getHeader("Accept"), offered).orElseThrow(TokenErrors::notAcceptable);
		}
		return (jsonp && format == ResponseFormat.JSON) ? ResponseFormat.JSONP : format;
	}

}
