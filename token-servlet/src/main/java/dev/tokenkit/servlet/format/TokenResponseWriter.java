package dev.tokenkit.servlet.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

import dev.tokenkit.servlet.error.Challenge;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Writes every token and error answer, in every format, with the headers each must carry: {@code Cache-Control:
 * no-store} and {@code Pragma: no-cache} (RFC 6749 section 5.1), {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: no-referrer}, and a {@code Content-Type} with its charset.
 *
 * <p>Shapes: a DSI token is {@code "TOKEN"} in JSON, {@code /**}{@code /cb("TOKEN");} in JSONP,
 * {@code <string>TOKEN</string>} in XML and {@code TOKEN} in CSV; a GlobalGiving token is
 * {@code {"auth_response":{"access_token":"TOKEN"}}} or {@code <auth_response><access_token>TOKEN</access_token>
 * </auth_response>}. An error is {@code {"error":{"status":401,"code":"...","message":"..."}}}, the same as
 * {@code <error>} with {@code <status>}, {@code <code>} and {@code <message>} children, or one CSV line
 * {@code status,code,message}. An error's {@link Challenge} becomes its {@code WWW-Authenticate} header, with the realm
 * this writer was made with: the one place the realm is added.
 *
 * @since 0.1.0
 */
public final class TokenResponseWriter {

	private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

	private static final String STANDALONE_XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

	private final JsonMapper json = JsonMapper.builder().build();

	private final XmlMapper xml = XmlMapper.builder().build();

	private final String realm;

	/**
	 * Creates a writer.
	 *
	 * @param realm the realm named in challenges: 1 to 64 letters, digits, spaces, {@code .}, {@code _} or {@code -},
	 *     since it is written into a quoted string
	 * @throws IllegalArgumentException if the realm holds any other character
	 */
	public TokenResponseWriter(String realm) {
		this.realm = Challenge.requireValidRealm(realm);
	}

	/**
	 * Writes a DSI token answer with status {@code 200}.
	 *
	 * @param response the response
	 * @param format the negotiated format
	 * @param callback the JSONP callback, checked by {@link JsonpCallback}, for {@link ResponseFormat#JSONP}
	 * @param token the token
	 * @throws IOException if the client has gone
	 */
	public void writeDsiToken(HttpServletResponse response, ResponseFormat format, @Nullable String callback,
			String token) throws IOException {
		String body = switch (format) {
			case JSON -> this.json.writeValueAsString(token);
			case JSONP -> jsonp(callback, this.json.writeValueAsString(token));
			case XML -> XML_DECLARATION + this.xml.writer().withRootName("string").writeValueAsString(token);
			case CSV -> CsvCells.escape(token);
		};
		write(response, 200, format, body);
	}

	/**
	 * Writes a GlobalGiving token answer with status {@code 200}.
	 *
	 * @param response the response
	 * @param format {@link ResponseFormat#JSON} or {@link ResponseFormat#XML}
	 * @param token the token
	 * @throws IOException if the client has gone
	 */
	public void writeGlobalGivingToken(HttpServletResponse response, ResponseFormat format, String token)
			throws IOException {
		Map<String, String> answer = Map.of("access_token", token);
		String body = (format == ResponseFormat.XML)
				? STANDALONE_XML_DECLARATION + this.xml.writer().withRootName("auth_response").writeValueAsString(answer)
				: this.json.writeValueAsString(Map.of("auth_response", answer));
		write(response, 200, format, body);
	}

	/**
	 * Writes an error answer with the error's status and headers.
	 *
	 * @param response the response
	 * @param requestedFormat the negotiated format; JSONP without a callback is answered as JSON
	 * @param callback the JSONP callback, checked by {@link JsonpCallback}, for {@link ResponseFormat#JSONP}
	 * @param error the error
	 * @throws IOException if the client has gone
	 */
	public void writeError(HttpServletResponse response, ResponseFormat requestedFormat, @Nullable String callback,
			TokenKitHttpException error) throws IOException {
		ResponseFormat format = (requestedFormat == ResponseFormat.JSONP && callback == null) ? ResponseFormat.JSON
				: requestedFormat;
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("status", error.status());
		fields.put("code", error.code());
		fields.put("message", error.getMessage());
		String body = switch (format) {
			case JSON -> this.json.writeValueAsString(Map.of("error", fields));
			case JSONP -> jsonp(callback, this.json.writeValueAsString(Map.of("error", fields)));
			case XML -> XML_DECLARATION + this.xml.writer().withRootName("error").writeValueAsString(fields);
			case CSV -> error.status() + "," + CsvCells.escape(error.code()) + "," + CsvCells.escape(error.getMessage());
		};
		error.headers().forEach(response::setHeader);
		Challenge challenge = error.challenge();
		if (challenge != null) {
			response.setHeader("WWW-Authenticate", challenge.render(this.realm));
		}
		write(response, error.status(), format, body);
	}

	/**
	 * Sets the headers every tokenkit answer carries, for answers written elsewhere (a logout's {@code 204}).
	 *
	 * @param response the response
	 */
	public void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	private static String jsonp(@Nullable String callback, String json) {
		return "/**/" + JsonpCallback.require((callback != null) ? callback : "") + "(" + json + ");";
	}

	private void write(HttpServletResponse response, int status, ResponseFormat format, String body) throws IOException {
		response.setStatus(status);
		noStore(response);
		response.setContentType(format.contentType());
		if (format == ResponseFormat.CSV) {
			response.setHeader("Content-Disposition", "attachment; filename=\"token.csv\"");
		}
		if (format == ResponseFormat.JSONP) {
			response.setHeader("Content-Disposition", "attachment; filename=\"f.txt\"");
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

}
