package dev.tokenkit.servlet;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Reads GlobalGiving credentials from exactly one place: an {@code auth_request} body (XML, or JSON with single quotes
 * allowed as in the published examples), or, on {@code GET}, the {@code email}, {@code password} and {@code api_key}
 * query parameters.
 */
final class GlobalGivingCredentialsReader {

	/** Credentials and the format of the body they came in (XML when they came in the query). */
	record Read(Credentials credentials, ContentType bodyFormat) {
	}

	private final JsonBodyParser json = JsonBodyParser.allowingSingleQuotes();

	private final XmlBodyParser xml = new XmlBodyParser();

	private int maxBodyBytes = 16 * 1024;

	void setMaxBodyBytes(int maxBodyBytes) {
		this.maxBodyBytes = EndpointSettings.requireBodyLimit(maxBodyBytes);
	}

	/**
	 * The body format a request declares, for answering errors before the body is read; XML when unclear. Only the
	 * media type counts: a bad charset is refused later, in the format the client declared. The header is read as
	 * sent, since a container's {@code getContentType()} can throw for a charset it does not know.
	 */
	static ContentType declaredFormat(HttpServletRequest request) {
		try {
			String header = request.getHeader("Content-Type");
			return (header != null && !header.isBlank()) ? ContentType.of(header.split(";", 2)[0]) : ContentType.XML;
		}
		catch (TokenKitHttpException ex) {
			return ContentType.XML;
		}
	}

	Read read(HttpServletRequest request) {
		QueryParameters query = QueryParameters.parse(request.getQueryString());
		boolean inQuery = query.has("email") || query.has("password") || query.has("api_key");
		String body = RequestBody.read(request, this.maxBodyBytes);
		if (inQuery) {
			if (!request.getMethod().equals("GET") || !body.isBlank()) {
				throw TokenErrors.badRequest("Send credentials either in the body or, with GET, in the query, not both");
			}
			return new Read(CredentialFields.check(query.single("email"), query.single("password"),
					requirePresent(query.single("api_key"))), ContentType.XML);
		}
		if (body.isBlank()) {
			throw TokenErrors.badRequest("An auth_request body is required");
		}
		ContentType format = RequestBody.format(request, body, true);
		JsonNode authRequest = (format == ContentType.JSON)
				? CredentialFields.object(this.json.parseObject(body), "auth_request") : xmlAuthRequest(body);
		JsonNode user = CredentialFields.object(authRequest, "user");
		return new Read(CredentialFields.check(CredentialFields.text(user, "email"),
				CredentialFields.text(user, "password"), CredentialFields.text(authRequest, "api_key")), format);
	}

	private JsonNode xmlAuthRequest(String body) {
		XmlDocument document = this.xml.parse(body);
		if (!document.rootName().equals("auth_request")) {
			throw TokenErrors.badRequest("The XML root element must be auth_request");
		}
		return document.content();
	}

	private static String requirePresent(String apiKey) {
		if (apiKey == null) {
			throw TokenErrors.badRequest("An api_key is required");
		}
		return apiKey;
	}

}
