package dev.tokenkit.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tokenkit.boot.TokenKitProperties;
import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenService;
import dev.tokenkit.core.account.AccountRepository;

/**
 * The account page of a signed-in user (form login): the account's live tokens, each with a revoke button, "sign out
 * everywhere else", the account's api key where the sample knows it (a demo account's published key; others are kept
 * only as hashes), and a logout. Every form carries the site's CSRF token. The other sessions it ends are those of
 * this node: the sample keeps sessions in each node's memory.
 *
 * @since 0.1.0
 */
@Controller
public class AccountController {

	/** The most tokens the page lists. */
	static final int LISTED = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final AccountRepository accounts;

	private final TokenService tokens;

	private final SessionRegistry sessions;

	private final boolean jwt;

	private final boolean demo;

	/**
	 * Creates the controller.
	 *
	 * @param accounts the accounts
	 * @param tokens the token service
	 * @param sessions the site's sessions, to end the others of an account
	 * @param properties the tokenkit settings, for the kind of token
	 * @param demoAccounts the demo accounts, whose published api keys the page shows, if they were made
	 */
	public AccountController(AccountRepository accounts, TokenService tokens, SessionRegistry sessions,
			TokenKitProperties properties, ObjectProvider<DemoAccounts> demoAccounts) {
		this.accounts = Objects.requireNonNull(accounts, "accounts cannot be null");
		this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
		this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
		this.jwt = properties.token().kind() == TokenKitProperties.TokenKind.JWT;
		this.demo = demoAccounts.getIfAvailable() != null;
	}

	/**
	 * The account page.
	 *
	 * @param user the signed-in user
	 * @param model the page's model
	 * @return the template
	 */
	@GetMapping("/account")
	public String account(Authentication user, Model model) {
		String accountId = accountId(user);
		model.addAttribute("username", user.getName());
		model.addAttribute("tokens", this.tokens.liveTokens(accountId, LISTED).stream().map(TokenRow::of).toList());
		model.addAttribute("jwt", this.jwt);
		model.addAttribute("apiKey", this.demo ? DemoAccounts.API_KEYS.get(user.getName()) : null);
		return "account";
	}

	/**
	 * Revokes one of the account's tokens by its handle; a handle of another account's token revokes nothing.
	 *
	 * @param user the signed-in user
	 * @param handle the token's handle
	 * @param flash the message shown after the redirect
	 * @return a redirect to the account page
	 */
	@PostMapping("/account/tokens/revoke")
	public String revoke(Authentication user, @RequestParam String handle, RedirectAttributes flash) {
		boolean revoked = this.tokens.revokeByHandle(accountId(user), handle);
		flash.addFlashAttribute("message", revoked ? "Token revoked." : "No such token: nothing was revoked.");
		return "redirect:/account";
	}

	/**
	 * Revokes every token of the account and ends its other sessions on this node, keeping this one.
	 *
	 * @param user the signed-in user
	 * @param session this page's session
	 * @param flash the message shown after the redirect
	 * @return a redirect to the account page
	 */
	@PostMapping("/account/sign-out-elsewhere")
	public String signOutElsewhere(Authentication user, HttpSession session, RedirectAttributes flash) {
		int revoked = this.tokens.revokeAll(accountId(user));
		List<SessionInformation> others = this.sessions.getAllSessions(user.getPrincipal(), false)
			.stream()
			.filter((other) -> !other.getSessionId().equals(session.getId()))
			.toList();
		others.forEach(SessionInformation::expireNow);
		flash.addFlashAttribute("message", this.jwt
				? "Signed out everywhere else: every token revoked, " + others.size() + " other sessions ended."
				: "Signed out everywhere else: " + revoked + " tokens revoked, " + others.size()
						+ " other sessions ended.");
		return "redirect:/account";
	}

	private String accountId(Authentication user) {
		return this.accounts.findByLogin(user.getName())
			.orElseThrow(() -> new IllegalStateException("The signed-in account is gone"))
			.account()
			.id();
	}

	/**
	 * One row of the token list.
	 *
	 * @param handle the token's handle
	 * @param client the client's label, or a dash
	 * @param dialect the issuing dialect, or a dash
	 * @param issuedAt when it was issued
	 * @param lastUsedAt its last use
	 * @param idleExpiresAt when it dies unless used
	 * @param expiresAt when it dies however used
	 */
	public record TokenRow(String handle, String client, String dialect, String issuedAt, String lastUsedAt,
			String idleExpiresAt, String expiresAt) {

		static TokenRow of(LiveToken token) {
			return new TokenRow(token.handle(), orDash(token.origin().client()), orDash(token.origin().dialect()),
					time(token.issuedAt()), time(token.lastUsedAt()), time(token.idleExpiresAt()),
					time(token.expiresAt()));
		}

		private static String orDash(String text) {
			return text.isEmpty() ? "-" : text;
		}

		private static String time(Instant instant) {
			return TIME.format(instant);
		}

	}

}
