package dev.tokenkit.servlet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Decides whether a request is secure: whether its path, relative to the context, has a segment {@code secure} in any
 * case.
 *
 * <p>Design note: the check runs on two views of the path and a request is secure if either says so, so that nothing
 * the container would route to a secure handler slips past. One view is what the container mapped
 * ({@code getServletPath() + getPathInfo()}: decoded and normalised by the container). The other is the raw request
 * URI, normalised here: context path removed, {@code ;params} dropped from every segment, each segment
 * percent-decoded (an encoded {@code /} or {@code \} splits it), {@code .} and {@code ..} resolved, compared in lower
 * case. A raw path that cannot be decoded counts as secure (fail closed). On an include dispatch the included
 * resource's paths (from the {@code jakarta.servlet.include.*} attributes) are checked too. {@code /insecure/} and
 * {@code /secured/} are not secure segments.
 *
 * @since 0.1.0
 */
public final class SecurePathMatcher {

	private static final String SECURE = "secure";

	/** What separates segments once a segment is decoded: an encoded slash or a backslash. */
	private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

	/**
	 * Whether the request is secure.
	 *
	 * @param request the request
	 * @return {@code true} if its path has a {@code secure} segment
	 */
	public boolean matches(HttpServletRequest request) {
		String mapped = nullToEmpty(request.getServletPath()) + nullToEmpty(request.getPathInfo());
		return hasSecureSegment(mapped) || hasSecureSegment(rawPathWithinContext(request)) || includesSecurePath(request);
	}

	/** An include keeps the including request's paths; the included resource's are in request attributes. */
	private boolean includesSecurePath(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.INCLUDE) {
			return false;
		}
		String mapped = nullToEmpty((String) request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH))
				+ nullToEmpty((String) request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO));
		String uri = nullToEmpty((String) request.getAttribute(RequestDispatcher.INCLUDE_REQUEST_URI));
		String context = nullToEmpty(request.getContextPath());
		return hasSecureSegment(mapped)
				|| hasSecureSegment(uri.startsWith(context) ? uri.substring(context.length()) : uri);
	}

	/**
	 * Whether a raw, context-relative path has a {@code secure} segment once normalised as described above.
	 *
	 * @param path the path, possibly with percent escapes and path parameters
	 * @return {@code true} if it has one, or if it cannot be decoded
	 */
	public boolean hasSecureSegment(String path) {
		if (isPlain(path)) {
			return hasPlainSecureSegment(path);
		}
		try {
			return normalisedSegments(path).stream().anyMatch((segment) -> segment.toLowerCase(Locale.ROOT).equals(SECURE));
		}
		catch (TokenKitHttpException ex) {
			return true;
		}
	}

	/**
	 * Whether a path needs no normalising: no escapes, path parameters, backslashes or dot segments. Nearly every
	 * request's path is plain, and is then checked without allocating.
	 */
	private static boolean isPlain(String path) {
		return path.indexOf('%') < 0 && path.indexOf(';') < 0 && path.indexOf('\\') < 0 && !path.contains("/.")
				&& !path.startsWith(".");
	}

	private static boolean hasPlainSecureSegment(String path) {
		int start = 0;
		while (start <= path.length()) {
			int end = path.indexOf('/', start);
			if (end < 0) {
				end = path.length();
			}
			if (isSecure(path, start, end)) {
				return true;
			}
			start = end + 1;
		}
		return false;
	}

	/** Whether {@code path[start, end)} is {@value #SECURE} in any ASCII case, as {@code toLowerCase(ROOT)} sees it. */
	private static boolean isSecure(String path, int start, int end) {
		if (end - start != SECURE.length()) {
			return false;
		}
		for (int i = 0; i < SECURE.length(); i++) {
			char c = path.charAt(start + i);
			if (c >= 128 || (c | 0x20) != SECURE.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static List<String> normalisedSegments(String path) {
		Deque<String> segments = new ArrayDeque<>();
		for (String raw : path.split("/")) {
			for (String part : SEPARATORS.split(PercentDecoder.decode(withoutParameters(raw), false))) {
				String segment = withoutParameters(part);
				if (segment.equals("..")) {
					segments.pollLast();
				}
				else if (!segment.isEmpty() && !segment.equals(".")) {
					segments.addLast(segment);
				}
			}
		}
		return new ArrayList<>(segments);
	}

	private static String withoutParameters(String segment) {
		int semicolon = segment.indexOf(';');
		return (semicolon < 0) ? segment : segment.substring(0, semicolon);
	}

	private static String rawPathWithinContext(HttpServletRequest request) {
		String uri = nullToEmpty(request.getRequestURI());
		String context = nullToEmpty(request.getContextPath());
		return uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
