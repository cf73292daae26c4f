package dev.tokenkit.servlet.testing;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.tokenkit.core.account.Credentials;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a credential reader may answer, whatever it was sent: one of the client errors it documents, or credentials as
 * every reader must hand them on (docs/dsi.md, docs/globalgiving.md): a login of 1 to 320 characters, a password of
 * at most {@link PasswordAuthenticator#MAX_PASSWORD_LENGTH}, an api key of 1 to 256 where the dialect has one, and no
 * control character (C0, DEL, C1) in any of them.
 */
public final class CheckedCredentials {

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F]");

	private CheckedCredentials() {
	}

	/**
	 * Reads credentials and asserts the rules above.
	 *
	 * @param read the reader's call
	 * @param withApiKey whether the dialect sends an api key
	 * @param statuses the statuses the reader may refuse the request with
	 * @return the credentials, or {@code null} when the reader refused the request
	 */
	public static @Nullable Credentials read(Supplier<Credentials> read, boolean withApiKey, Integer... statuses) {
		Credentials credentials;
		try {
			credentials = read.get();
		}
		catch (TokenKitHttpException ex) {
			assertThat(ex.status()).isIn((Object[]) statuses);
			return null;
		}
		assertThat(credentials.login()).hasSizeBetween(1, 320).doesNotContainPattern(CONTROL);
		assertThat(credentials.password()).hasSizeLessThanOrEqualTo(PasswordAuthenticator.MAX_PASSWORD_LENGTH)
			.doesNotContainPattern(CONTROL);
		if (withApiKey) {
			assertThat(credentials.apiKey()).hasSizeBetween(1, 256).doesNotContainPattern(CONTROL);
		}
		else {
			assertThat(credentials.apiKey()).isNull();
		}
		return credentials;
	}

}
