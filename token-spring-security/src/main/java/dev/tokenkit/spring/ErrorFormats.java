package dev.tokenkit.spring;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.tokenkit.servlet.format.AcceptHeader;
import dev.tokenkit.servlet.format.ResponseFormat;

/** The format of errors on token routes: what {@code Accept} asks for among JSON, XML and CSV; JSON by default. */
final class ErrorFormats {

	private ErrorFormats() {
	}

	static ResponseFormat of(HttpServletRequest request) {
		return AcceptHeader
			.choose(request.getHeader("Accept"), List.of(ResponseFormat.JSON, ResponseFormat.XML, ResponseFormat.CSV))
			.orElse(ResponseFormat.JSON);
	}

}
