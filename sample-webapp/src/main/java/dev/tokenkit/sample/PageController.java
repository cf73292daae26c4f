package dev.tokenkit.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The site's home page; the account page is {@link AccountController}'s.
 *
 * @since 0.1.0
 */
@RestController
public class PageController {

	private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
			+ "<title>Donations</title><link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>";

	/**
	 * The home page.
	 *
	 * @return the page
	 */
	@GetMapping(value = "/", produces = "text/html;charset=UTF-8")
	public String home() {
		return HEAD + "<h1>Donations</h1><p>A small donations site with its own login, and tokenkit for its API.</p>"
				+ "<ul><li><a href=\"/account\">Your account</a> (form login)</li>"
				+ "<li><a href=\"/try\">Try the token API</a></li>"
				+ "<li><a href=\"/api/public/projects\">Project (JSON)</a></li></ul></body></html>";
	}

}
