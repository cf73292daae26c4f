package dev.tokenkit.servlet;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tokenkit.servlet.error.TokenErrors;
import dev.tokenkit.servlet.error.TokenKitHttpException;

/**
 * Parses a JSON request body into a tree, strictly: RFC 8259 JSON only (no comments, no trailing commas, no
 * {@code NaN}), duplicate keys refused, nothing after the document, and tight limits on nesting, names and numbers.
 * The one leniency on offer is single-quoted strings, because GlobalGiving's published examples use them.
 *
 * @since 0.1.0
 */
final class JsonBodyParser {

	private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
		.maxNestingDepth(32)
		.maxNameLength(256)
		.maxNumberLength(64)
		.maxStringLength(16 * 1024)
		.build();

	private final JsonMapper mapper;

	private JsonBodyParser(boolean singleQuotes) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(LIMITS)
			.configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, singleQuotes)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		this.mapper = JsonMapper.builder(factory).build();
	}

	/**
	 * A parser for strict RFC 8259 JSON.
	 *
	 * @return the parser
	 */
	public static JsonBodyParser strict() {
		return new JsonBodyParser(false);
	}

	/**
	 * A parser that also reads single-quoted strings and names, as in GlobalGiving's published examples.
	 *
	 * @return the parser
	 */
	public static JsonBodyParser allowingSingleQuotes() {
		return new JsonBodyParser(true);
	}

	/**
	 * Parses a body whose root must be an object.
	 *
	 * @param body the body text
	 * @return the root object
	 * @throws TokenKitHttpException {@code 400} if the body is not one well-formed JSON object
	 */
	public JsonNode parseObject(String body) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw TokenErrors.badRequest("The JSON body is malformed");
		}
		if (root == null || !root.isObject()) {
			throw TokenErrors.badRequest("The JSON body must be an object");
		}
		return root;
	}

}
