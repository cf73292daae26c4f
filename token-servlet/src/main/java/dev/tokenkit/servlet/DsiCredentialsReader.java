package dev.tokenkit.servlet;

import java.nio.ByteBuffer;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.servlet.error.TokenErrors;

/**
 * Reads DSI credentials from exactly one place: the {@code Authorization} header ({@code user NAME:PASSWORD} or
 * {@code Basic}), the query string ({@code GET}), or the body ({@code POST}). Two places in one request are refused,
 * so that one failing source can never fall back on another.
 */
final class DsiCredentialsReader {

	private final JsonBodyParser json = JsonBodyParser.strict();

	private final XmlBodyParser xml = new XmlBodyParser();

	private boolean queryCredentialsEnabled = true;

	private int maxBodyBytes = 16 * 1024;

	void setQueryCredentialsEnabled(boolean queryCredentialsEnabled) {
		this.queryCredentialsEnabled = queryCredentialsEnabled;
	}

	void setMaxBodyBytes(int maxBodyBytes) {
		this.maxBodyBytes = EndpointSettings.requireBodyLimit(maxBodyBytes);
	}

	Credentials fromGet(HttpServletRequest request, QueryParameters query, boolean jsonp) {
		Credentials fromHeader = fromHeader(request, jsonp);
		boolean inQuery = query.has("username") || query.has("password");
		if (fromHeader != null && inQuery) {
			throw TokenErrors.badRequest("Send credentials either in the Authorization header or in the query, not both");
		}
		if (fromHeader != null) {
			return fromHeader;
		}
		if (!inQuery) {
			throw TokenErrors.invalidCredentials("user");
		}
		if (!this.queryCredentialsEnabled) {
			throw TokenErrors.badRequest("Query-string credentials are switched off: send them in the Authorization "
					+ "header (user NAME:PASSWORD) or with POST /authentication_credentials");
		}
		return CredentialFields.check(query.single("username"), query.single("password"), null);
	}

	Credentials fromPost(HttpServletRequest request, QueryParameters query, boolean jsonp) {
		if (query.has("username") || query.has("password")) {
			throw TokenErrors.badRequest("Send credentials in the Authorization header or in the body, not the query");
		}
		Credentials fromHeader = fromHeader(request, jsonp);
		String body = RequestBody.read(request, this.maxBodyBytes);
		if (fromHeader != null) {
			if (!body.isBlank()) {
				throw TokenErrors.badRequest("Send credentials either in the Authorization header or in the body, not both");
			}
			return fromHeader;
		}
		if (body.isBlank()) {
			throw TokenErrors.invalidCredentials("user");
		}
		return fromBody(RequestBody.format(request, body, false), body);
	}

	private Credentials fromBody(ContentType type, String body) {
		if (type == ContentType.JSON) {
			JsonNode root = this.json.parseObject(body);
			return CredentialFields.check(CredentialFields.text(root, "Username"),
					CredentialFields.text(root, "Password"), null);
		}
		XmlDocument document = this.xml.parse(body);
		if (!document.rootName().equals("Credentials")) {
			throw TokenErrors.badRequest("The XML root element must be Credentials");
		}
		return CredentialFields.check(CredentialFields.text(document.content(), "Username"),
				CredentialFields.text(document.content(), "Password"), null);
	}

	private static @Nullable Credentials fromHeader(HttpServletRequest request, boolean jsonp) {
		AuthorizationHeader header = AuthorizationHeader.of(request);
		if (header == null) {
			return null;
		}
		if (jsonp && header.scheme().equals("basic")) {
			throw TokenErrors.badRequest("JSONP answers take credentials in the user scheme or the query, not Basic");
		}
		String pair = switch (header.scheme()) {
			case "user" -> header.credentials();
			case "basic" -> decodeBasic(header.credentials());
			default -> throw TokenErrors.invalidCredentials("user");
		};
		int colon = pair.indexOf(':');
		if (colon < 0) {
			throw TokenErrors.badRequest("Credentials must be NAME:PASSWORD");
		}
		return CredentialFields.check(pair.substring(0, colon), pair.substring(colon + 1), null);
	}

	private static String decodeBasic(String encoded) {
		try {
			return TextRules.strictUtf8(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)),
					"Basic credentials are not valid UTF-8");
		}
		catch (IllegalArgumentException ex) {
			throw TokenErrors.badRequest("Basic credentials are not valid base64");
		}
	}

}
