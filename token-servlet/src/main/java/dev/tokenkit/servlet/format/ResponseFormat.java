package dev.tokenkit.servlet.format;

/**
 * The formats tokenkit answers in.
 *
 * @since 0.1.0
 */
public enum ResponseFormat {

	/** {@code application/json}. */
	JSON("application/json"),

	/** {@code application/javascript}: JSON wrapped in a callback. */
	JSONP("application/javascript"),

	/** {@code application/xml}. */
	XML("application/xml"),

	/** {@code text/csv}. */
	CSV("text/csv");

	private final String mediaType;

	ResponseFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	/**
	 * The {@code Content-Type} of answers in this format.
	 *
	 * @return the media type with {@code charset=UTF-8}
	 */
	public String contentType() {
		return this.mediaType + ";charset=UTF-8";
	}

}
