package dev.tokenkit.sample;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.tokenkit.core.LiveToken;
import dev.tokenkit.core.TokenPrincipal;
import dev.tokenkit.core.TokenService;

/**
 * The small API behind tokens: donations for the token's account (GlobalGiving-style, {@code api_key} and
 * {@code api_token} required), who the token is, the caller's own live tokens, and the public project list. JSON or
 * XML by {@code Accept}.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping(produces = { "application/json;charset=UTF-8", "application/xml;charset=UTF-8" })
public class ApiController {

	private final DonationLedger ledger;

	private final TokenService tokens;

	/**
	 * Creates the controller.
	 *
	 * @param ledger the donations
	 * @param tokens the token service, for the caller's list of tokens
	 */
	public ApiController(DonationLedger ledger, TokenService tokens) {
		this.ledger = Objects.requireNonNull(ledger, "ledger cannot be null");
		this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
	}

	/**
	 * Records a donation for the token's account.
	 *
	 * @param principal the token's account
	 * @param donation the donation
	 * @return the donation recorded
	 */
	@PostMapping("/api/secure/givingservice/donations")
	@ResponseStatus(HttpStatus.CREATED)
	public Donation donate(@AuthenticationPrincipal TokenPrincipal principal, @RequestBody Donation donation) {
		if (!Project.exists(donation.projectId())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such project");
		}
		this.ledger.record(principal.accountId(), donation);
		return donation;
	}

	/**
	 * The token account's own donations.
	 *
	 * @param principal the token's account
	 * @return its donations
	 */
	@GetMapping("/api/secure/givingservice/donations")
	public List<Donation> donations(@AuthenticationPrincipal TokenPrincipal principal) {
		return this.ledger.of(principal.accountId());
	}

	/**
	 * Who the token stands for.
	 *
	 * @param principal the token's account
	 * @return the username and authorities
	 */
	@GetMapping("/secure/whoami")
	public Map<String, Object> whoami(@AuthenticationPrincipal TokenPrincipal principal) {
		return Map.of("username", principal.username(), "authorities", new TreeSet<>(principal.authorities()));
	}

	/**
	 * The caller's own live tokens, newest first, at most {@value AccountController#LISTED}: each with its handle,
	 * never a token or its hash. JWTs are not stored, so a JWT holder's list is empty.
	 *
	 * @param principal the token's account
	 * @return the tokens
	 */
	@GetMapping("/secure/tokens")
	public List<LiveToken> tokens(@AuthenticationPrincipal TokenPrincipal principal) {
		return this.tokens.liveTokens(principal.accountId(), AccountController.LISTED);
	}

	/**
	 * How many donations the caller made, for donors only ({@code ROLE_DONOR}, method security): others get
	 * {@code 403}.
	 *
	 * @param principal the token's account
	 * @return the count
	 */
	@GetMapping("/secure/donor-summary")
	@PreAuthorize("hasRole('DONOR')")
	public Map<String, Object> donorSummary(@AuthenticationPrincipal TokenPrincipal principal) {
		return Map.of("username", principal.username(), "donations", this.ledger.of(principal.accountId()).size());
	}

	/**
	 * The projects, for anyone.
	 *
	 * @return the projects
	 */
	@GetMapping("/api/public/projects")
	public List<Project> projects() {
		return Project.ALL;
	}

}
