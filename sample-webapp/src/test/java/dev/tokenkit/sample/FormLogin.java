package dev.tokenkit.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tokenkit.servlet.testing.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form login on the sample over raw HTTP, as a browser makes it: the login page's session cookie and CSRF field,
 * the login, and the CSRF field of the account page's forms for the signed-in session.
 *
 * @param cookie the signed-in session's cookie, {@code JSESSIONID=...}
 * @param csrf the CSRF token the account page's forms carry
 */
record FormLogin(String cookie, String csrf) {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	/** Signs in through the login form. */
	static FormLogin of(RawHttp http, String username, String password) {
		RawHttp.Response loginPage = http.get("/login");
		RawHttp.Response login = http.post("/login",
				"username=" + username + "&password=" + password + "&_csrf=" + csrf(loginPage),
				"Content-Type: application/x-www-form-urlencoded", "Cookie: " + cookie(loginPage));
		assertThat(login.status()).as("%s", login).isEqualTo(302);
		String cookie = cookie(login);
		return new FormLogin(cookie, csrf(http.get("/account", "Cookie: " + cookie)));
	}

	/** The request header that sends the session. */
	String header() {
		return "Cookie: " + this.cookie;
	}

	/** The first cookie an answer sets, without its attributes. */
	static String cookie(RawHttp.Response response) {
		return response.headerValues("Set-Cookie").stream().map((value) -> value.split(";")[0]).findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
	}

	private static String csrf(RawHttp.Response page) {
		Matcher csrf = CSRF_FIELD.matcher(page.body());
		assertThat(csrf.find()).as("csrf field in %s", page.body()).isTrue();
		return csrf.group(1);
	}

}
