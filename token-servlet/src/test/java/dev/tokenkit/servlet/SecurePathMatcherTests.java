package dev.tokenkit.servlet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecurePathMatcherTests {

	private final SecurePathMatcher matcher = new SecurePathMatcher();

	@ParameterizedTest
	@ValueSource(strings = { "/api/secure/x", "/secure", "/api/SECURE/x", "/api/secure;a=b/x", "/api/./secure/x",
			"/api/x/../secure/y", "//api//secure/x", "/api/%73ecure/x", "/api%2Fsecure%2Fx", "/api/x%5Csecure%5Cy",
			"/api/secure%3Bx/y", "/api/%zz/x", "/api/%C3%28/x", "/secure/", "secure", "/a/b/SeCuRe", "./secure/x",
			"/api\\secure\\x" })
	void hasSecureSegmentWhenSecureOrUndecodableThenTrue(String path) {
		assertThat(this.matcher.hasSecureSegment(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/insecure/x", "/api/secured/x", "/api/secure/../x", "/api/x", "/", "",
			"/api/secure%20/x", "/api/%C5%BFecure/x", "/api/\u017Fecure/x", "/api/securf/x", "/api/s@cure/x",
			"/secur", "/securee", "/api/ secure/x" })
	void hasSecureSegmentWhenNoSecureSegmentThenFalse(String path) {
		assertThat(this.matcher.hasSecureSegment(path)).isFalse();
	}

}
