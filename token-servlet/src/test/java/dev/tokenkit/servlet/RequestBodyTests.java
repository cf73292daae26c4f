package dev.tokenkit.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tokenkit.servlet.testing.TestRequests;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyTests {

	@Test
	void readWhenLeadingByteOrderMarkThenDroppedOnce() {
		byte[] body = "\uFEFF\uFEFF{}".getBytes(StandardCharsets.UTF_8);
		assertThat(RequestBody.read(TestRequests.of("POST", null, Map.of(), body), 1024)).isEqualTo("\uFEFF{}");
	}

}
