package dev.tokenkit.servlet.testing;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Requests without a container, for code that reads only a request's method, query string, headers and body (the
 * credential readers and the token resolver), called thousands of times a second by the fuzz tests. Any other method
 * of the request fails the test.
 */
public final class TestRequests {

	private TestRequests() {
	}

	/**
	 * A request.
	 *
	 * @param method the HTTP method
	 * @param rawQuery the query string as sent, or {@code null}
	 * @param headers each header's one value, by name in any case
	 * @param body the body's bytes
	 * @return the request
	 */
	public static HttpServletRequest of(String method, @Nullable String rawQuery, Map<String, String> headers,
			byte[] body) {
		Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		sent.putAll(headers);
		return (HttpServletRequest) Proxy.newProxyInstance(TestRequests.class.getClassLoader(),
				new Class<?>[] { HttpServletRequest.class }, (proxy, called, args) -> switch (called.getName()) {
					case "getMethod" -> method;
					case "getQueryString" -> rawQuery;
					case "getHeader" -> sent.get((String) args[0]);
					case "getHeaders" -> Collections.enumeration(
							sent.containsKey((String) args[0]) ? List.of(sent.get((String) args[0])) : List.of());
					case "getContentType" -> sent.get("Content-Type");
					case "getContentLengthLong" -> (long) body.length;
					case "getInputStream" -> new BodyStream(body);
					case "toString" -> method + " ?" + rawQuery + " " + sent;
					default -> throw new UnsupportedOperationException("TestRequests has no " + called.getName());
				});
	}

	/** A body read from memory. */
	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		BodyStream(byte[] body) {
			this.bytes = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("TestRequests bodies are read blocking");
		}

	}

}
