package dev.tokenkit.jwt;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;

import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.AbstractSerializer;
import io.jsonwebtoken.io.Deserializer;
import io.jsonwebtoken.io.Serializer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * jjwt's JSON reader and writer on Jackson 3, so that jjwt needs no {@code jjwt-jackson} (which is Jackson 2). The
 * reader is strict: duplicate member names are refused (RFC 8725 section 3.11 warns about them), and nesting, names
 * and numbers are capped. Public for apps (and benchmarks) that parse tokenkit's JWTs with jjwt themselves.
 *
 * @since 0.1.0
 */
public final class JacksonJwtJson {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNestingDepth(16)
			.maxNameLength(256)
			.maxNumberLength(32)
			.maxStringLength(8 * 1024)
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build()).build();

	private JacksonJwtJson() {
	}

	/**
	 * The writer.
	 *
	 * @return a jjwt serializer
	 */
	public static Serializer<Map<String, ?>> serializer() {
		return new AbstractSerializer<>() {

			@Override
			protected void doSerialize(Map<String, ?> value, OutputStream out) {
				MAPPER.writeValue(out, value);
			}

		};
	}

	/**
	 * The strict reader.
	 *
	 * @return a jjwt deserializer
	 */
	public static Deserializer<Map<String, ?>> deserializer() {
		return new AbstractDeserializer<>() {

			@Override
			protected Map<String, ?> doDeserialize(Reader reader) {
				return MAPPER.readValue(reader, MAP);
			}

		};
	}

}
