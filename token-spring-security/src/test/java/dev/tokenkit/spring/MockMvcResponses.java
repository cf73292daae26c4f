package dev.tokenkit.spring;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;

import dev.tokenkit.servlet.testing.RawHttp;

import org.springframework.mock.web.MockHttpServletResponse;

/** Turns a MockMvc response into the form token-servlet's shared expectations ({@code TokenAnswers}) read. */
final class MockMvcResponses {

	private MockMvcResponses() {
	}

	static RawHttp.Response of(MockHttpServletResponse response) {
		List<String[]> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			for (String value : response.getHeaders(name)) {
				headers.add(new String[] { name, value });
			}
		}
		try {
			return new RawHttp.Response(response.getStatus(), headers, response.getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
