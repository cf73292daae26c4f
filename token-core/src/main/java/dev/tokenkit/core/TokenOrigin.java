package dev.tokenkit.core;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a token was issued, for the lists in which its owner recognises it: the dialect that issued it and a label of
 * the client (from the request's {@code User-Agent}). Neither is checked on use; both are what the client said.
 *
 * @param dialect the issuing dialect ({@code dsi}, {@code globalgiving}), or empty when not known
 * @param client the client's label: printable ASCII, single spaces, at most {@value #MAX_CLIENT_LENGTH} characters,
 *     or empty
 * @since 0.1.0
 */
public record TokenOrigin(String dialect, String client) {

	/** A token issued where nothing was said about its origin. */
	public static final TokenOrigin UNKNOWN = new TokenOrigin("", "");

	/** The longest client label kept. */
	public static final int MAX_CLIENT_LENGTH = 64;

	/**
	 * Checks the values.
	 *
	 * @param dialect the issuing dialect
	 * @param client the client's label
	 * @throws IllegalArgumentException if the dialect is not lower-case letters, digits and dashes (at most 32), or the
	 *     client is not a {@linkplain #of cleaned} label
	 */
	public TokenOrigin {
		Objects.requireNonNull(dialect, "dialect cannot be null");
		Objects.requireNonNull(client, "client cannot be null");
		if (!isDialect(dialect)) {
			throw new IllegalArgumentException("dialect must be at most 32 lower-case letters, digits and dashes");
		}
		if (!isLabel(client)) {
			throw new IllegalArgumentException("client must be a cleaned label");
		}
	}

	/**
	 * The origin of a token a dialect issues to a client, its label made from the client's {@code User-Agent}: every
	 * run of characters other than printable ASCII becomes one space, and the result is trimmed and cut to
	 * {@value #MAX_CLIENT_LENGTH} characters.
	 *
	 * @param dialect the issuing dialect
	 * @param userAgent the request's {@code User-Agent}, untrusted, or {@code null}
	 * @return the origin
	 */
	public static TokenOrigin of(String dialect, @Nullable String userAgent) {
		return new TokenOrigin(dialect, (userAgent != null) ? clean(userAgent) : "");
	}

	/**
	 * The origin a store kept, read on every check of a stored token: {@link #UNKNOWN} when both are empty, without a
	 * check; otherwise the values checked as the constructor checks them (a loop over each, no copy), and cleaned rather than refused where they are not
	 * (a row edited by hand, or written by a later version with longer labels), so that reading a token never fails on
	 * its origin.
	 *
	 * @param storedDialect the stored dialect, or {@code null} for none
	 * @param storedClient the stored client label, or {@code null} for none
	 * @return the origin
	 */
	public static TokenOrigin restored(@Nullable String storedDialect, @Nullable String storedClient) {
		String dialect = (storedDialect != null) ? storedDialect : "";
		String client = (storedClient != null) ? storedClient : "";
		if (dialect.isEmpty() && client.isEmpty()) {
			return UNKNOWN;
		}
		try {
			return new TokenOrigin(dialect, client);
		}
		catch (IllegalArgumentException ex) {
			String cleanDialect = clean(dialect).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
			return new TokenOrigin(cleanDialect.substring(0, Math.min(32, cleanDialect.length())), clean(client));
		}
	}

	private static boolean isDialect(String text) {
		if (text.length() > 32) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/** Whether the text is what {@link #clean} makes: printable ASCII, single spaces inside, at most the length. */
	private static boolean isLabel(String text) {
		int length = text.length();
		if (length > MAX_CLIENT_LENGTH || (length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' '))) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < ' ' || c >= 0x7f || (c == ' ' && text.charAt(i - 1) == ' ')) {
				return false;
			}
		}
		return true;
	}

	/** The text with each run of characters other than printable ASCII as one space, trimmed and cut. */
	private static String clean(String text) {
		StringBuilder label = new StringBuilder(MAX_CLIENT_LENGTH);
		boolean gap = false;
		for (int i = 0; i < text.length() && label.length() < MAX_CLIENT_LENGTH; i++) {
			char c = text.charAt(i);
			boolean printable = c > ' ' && c < 0x7f;
			if (printable && gap && label.length() > 0) {
				label.append(' ');
			}
			if (printable && label.length() < MAX_CLIENT_LENGTH) {
				label.append(c);
			}
			gap = !printable;
		}
		return label.toString().strip();
	}

}
