package dev.tokenkit.spring;

import java.util.Collections;
import java.util.Enumeration;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import dev.tokenkit.servlet.error.TokenKitHttpException;

import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * A request whose header reads turn Spring Security's lazy firewall rejection into tokenkit's own client error.
 * {@code StrictHttpFirewall} checks a header value only when it is read, by throwing {@link RequestRejectedException}
 * from {@code getHeader} or from the enumeration of {@code getHeaders} (read at once here). tokenkit's issuing
 * endpoints end in a last-resort handler for unexpected failures, which answered such a rejection with a {@code 500};
 * read through this wrapper it is the {@link TokenKitHttpException} the caller chose, a {@code 400} in the endpoint's
 * own format, and the rejected value, which may be a password, is neither answered nor logged. (The secure filter,
 * which has no such handler inside it, catches the rejection itself.)
 */
final class HeaderRejectionsAsBadRequests extends HttpServletRequestWrapper {

	private final Supplier<TokenKitHttpException> refusal;

	HeaderRejectionsAsBadRequests(HttpServletRequest request, Supplier<TokenKitHttpException> refusal) {
		super(request);
		this.refusal = refusal;
	}

	@Override
	public String getHeader(String name) {
		return read(() -> super.getHeader(name));
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return read(() -> Collections.enumeration(Collections.list(super.getHeaders(name))));
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return read(() -> Collections.enumeration(Collections.list(super.getHeaderNames())));
	}

	@Override
	public long getDateHeader(String name) {
		return read(() -> super.getDateHeader(name));
	}

	@Override
	public int getIntHeader(String name) {
		return read(() -> super.getIntHeader(name));
	}

	/** Reads a header, turning the firewall's rejection into the refusal. */
	private <T> T read(Supplier<T> header) {
		try {
			return header.get();
		}
		catch (RequestRejectedException ex) {
			throw this.refusal.get();
		}
	}

}
