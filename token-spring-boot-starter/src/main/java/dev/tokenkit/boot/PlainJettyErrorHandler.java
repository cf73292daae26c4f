package dev.tokenkit.boot;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's own error answers (what the container refuses before the app sees it: an ambiguous path encoding, a bad
 * header, a bad query) as one line of plain text, the status and its reason: Jetty's page would repeat the whole
 * request URI, an {@code access_token}, {@code api_token} or password in its query included.
 *
 * @since 0.1.0
 */
public final class PlainJettyErrorHandler extends ErrorHandler {

	@Override
	protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
			String contentType, List<Charset> charsets, int code, @Nullable String message, @Nullable Throwable cause) {
		String reason = HttpStatus.getMessage(code);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
		response.getHeaders().put("X-Content-Type-Options", "nosniff");
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		response.write(true, ByteBuffer.wrap((code + " " + reason + "\n").getBytes(StandardCharsets.UTF_8)), callback);
		return true;
	}


}
