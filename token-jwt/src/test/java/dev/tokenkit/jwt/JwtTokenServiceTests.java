package dev.tokenkit.jwt;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.tokenkit.core.ActiveToken;
import dev.tokenkit.core.InvalidTokenException.Reason;
import dev.tokenkit.core.InvalidTokenException;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.store.InMemoryTokenStore;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.testing.Deflate;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The JWT service on the in-memory store; subclasses run the same tests with revocations in H2, PostgreSQL and Redis.
 */
class JwtTokenServiceTests {

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private static final TokenPolicy THIRTY_MINUTES = TokenPolicy.ofIdle(Duration.ofMinutes(30));

	private final MutableClock clock = MutableClock.start();

	private TokenStore store;

	private JwtTokenService service;

	private long now;

	/** Where the service keeps its revocations: a new, empty store on the given clock. */
	protected TokenStore createStore(MutableClock clock) {
		return new InMemoryTokenStore(clock);
	}

	@BeforeEach
	void setUp() {
		this.store = createStore(this.clock);
		this.service = hsService("k1");
		this.now = this.clock.instant().getEpochSecond();
	}

	private JwtTokenService hsService(String kid) {
		return JwtTokenService.builder(this.store).key(JwtKey.hs256(kid, SECRET)).clock(this.clock)
			.issuer("tokenkit-test").audience("api").build();
	}

	private void assertRefused(String token, Reason reason) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token))
			.withMessage(InvalidTokenException.MESSAGE)
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void authenticateWhenIssuedThenPrincipalWithKidInHeader() {
		IssuedToken token = this.service.issue(TestAccounts.bob(), THIRTY_MINUTES);
		assertThat(this.service.authenticate(token.value())).isEqualTo(token.principal());
		String header = new String(Base64.getUrlDecoder().decode(token.value().split("\\.")[0]), StandardCharsets.UTF_8);
		assertThat(header).contains("\"kid\":\"k1\"").contains("\"alg\":\"HS256\"");
		assertThat(token.expiresAt()).isEqualTo(token.issuedAt().plus(Duration.ofHours(10)));
	}

	@Test
	void authenticateWhenPastAbsoluteExpiryBeyondSkewThenExpired() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofMinutes(30).plusSeconds(29));
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");
		this.clock.advance(Duration.ofSeconds(2));
		assertRefused(token.value(), Reason.EXPIRED);
	}

	@Test
	void authenticateWhenRevokedThenRefusedAndOtherTokensKept() {
		IssuedToken revoked = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken kept = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.revoke(revoked.value())).isTrue();
		assertRefused(revoked.value(), Reason.REVOKED);
		assertThat(this.service.authenticate(kept.value()).username()).isEqualTo("alice");
		assertThat(this.service.revoke("not-a-jwt")).isFalse();
	}

	@Test
	void authenticateWhenAccountRevokedThenEarlierTokensRefusedLaterAccepted() {
		IssuedToken first = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken bobs = this.service.issue(TestAccounts.bob(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofSeconds(5));
		this.service.revokeAll("acct-alice");
		assertRefused(first.value(), Reason.REVOKED);
		assertThat(this.service.authenticate(bobs.value()).username()).isEqualTo("bob");
		this.clock.advance(Duration.ofSeconds(1));
		IssuedToken later = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.authenticate(later.value()).username()).isEqualTo("alice");
	}

	/** Another node (its own verified-token cache, the same store) revokes a token this node has cached. */
	@Test
	void authenticateWhenCachedTokenRevokedElsewhereThenRefusedOnTheNextCheck() {
		JwtTokenService otherNode = hsService("k1");
		IssuedToken revoked = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		IssuedToken allRevoked = this.service.issue(TestAccounts.bob(), THIRTY_MINUTES);
		assertThat(this.service.authenticate(revoked.value()).username()).isEqualTo("alice");
		assertThat(this.service.authenticate(allRevoked.value()).username()).isEqualTo("bob");

		assertThat(otherNode.revoke(revoked.value())).isTrue();
		otherNode.revokeAll("acct-bob");

		assertRefused(revoked.value(), Reason.REVOKED);
		assertRefused(allRevoked.value(), Reason.REVOKED);
		assertRefused(revoked.value(), Reason.REVOKED);
	}

	@Test
	void authenticateWhenTheSameTokenIsSpelledAnotherWayThenRefused() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		String text = token.value();
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		char last = text.charAt(text.length() - 1);
		String strayBit = text.substring(0, text.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
		assertThat(Base64.getUrlDecoder().decode(strayBit.substring(strayBit.lastIndexOf('.') + 1)))
			.as("a decoder reads the same signature").isEqualTo(Base64.getUrlDecoder()
				.decode(text.substring(text.lastIndexOf('.') + 1)));

		assertRefused(text + "=", Reason.MALFORMED);
		assertRefused(strayBit, Reason.MALFORMED);
		assertRefused(text.replace('.', '='), Reason.MALFORMED);
		assertThat(this.service.authenticate(text).username()).isEqualTo("alice");
	}

	@Test
	void authenticateWhenCachedTokenTamperedThenTheTamperedTextIsVerifiedAndRefused() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");
		String[] parts = token.value().split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"alice\"", "\"admin\"");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		assertRefused(tampered, Reason.BAD_SIGNATURE);
		assertRefused(token.value() + "x", Reason.BAD_SIGNATURE);
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");
	}

	@Test
	void authenticateWhenVerifiedCacheDisabledThenSameAnswers() {
		this.service = JwtTokenService.builder(this.store).key(JwtKey.hs256("k1", SECRET)).clock(this.clock)
			.verifiedCacheSize(0).build();
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");
		assertThat(this.service.authenticate(token.value()).username()).isEqualTo("alice");
		this.clock.advance(Duration.ofMinutes(31));
		assertRefused(token.value(), Reason.EXPIRED);
		assertThatIllegalArgumentException().isThrownBy(() -> JwtTokenService.builder(this.store).verifiedCacheSize(-1));
	}

	@Test
	void authenticateWhenAlgNoneThenRefused() {
		// no signature part: refused by its shape, before any parsing
		assertRefused(HandMadeJwt.unsigned("{\"typ\":\"at+jwt\",\"alg\":\"none\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api")), Reason.MALFORMED);
		assertRefused(HandMadeJwt.unsigned("{\"typ\":\"at+jwt\",\"alg\":\"nOnE\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api")), Reason.MALFORMED);
		// with a signature part, refused by jjwt
		assertRefused(HandMadeJwt.unsigned("{\"typ\":\"at+jwt\",\"alg\":\"none\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api")) + "c2ln", Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenHsTokenSignedWithRsaPublicKeyThenRefused() throws NoSuchAlgorithmException {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		var keys = rsa.generateKeyPair();
		this.service = JwtTokenService.builder(this.store).key(JwtKey.rs256("r1", keys)).clock(this.clock).build();
		String forged = HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"r1\"}",
				HandMadeJwt.claims(this.now, 600, "x", "y"), keys.getPublic().getEncoded());
		assertRefused(forged, Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenUnknownOrMissingKidThenRefused() {
		String claims = HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api");
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k9\"}", claims, SECRET), Reason.BAD_SIGNATURE);
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\"}", claims, SECRET), Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenHandMadeWithRightKeyThenAcceptedSoTheAttacksBelowFailForTheirOwnReason() {
		String token = HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api"), SECRET);
		assertThat(this.service.authenticate(token).username()).isEqualTo("alice");
	}

	@Test
	void authenticateWhenCompressedThenRefusedEvenWithTheRightKeyAndValidClaims() {
		// jjwt would inflate it (all of it: a bomb, catalog W-27) and accept it
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\",\"zip\":\"DEF\"}",
				Deflate.compress(HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api").getBytes(StandardCharsets.UTF_8)), SECRET),
				Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenPayloadOrSignatureTamperedThenRefused() {
		String token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES).value();
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"alice\"", "\"admin\"");
		assertRefused(parts[0] + "." + HandMadeJwt.b64(payload) + "." + parts[2], Reason.BAD_SIGNATURE);
		char last = parts[2].charAt(0);
		assertRefused(parts[0] + "." + parts[1] + "." + ((last == 'A') ? 'B' : 'A') + parts[2].substring(1),
				Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenNotYetValidThenRefused() {
		String payload = HandMadeJwt.claims(this.now, 3600, "tokenkit-test", "api")
			.replace("{", "{\"nbf\":" + (this.now + 600) + ",");
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\"}", payload, SECRET), Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenWrongIssuerOrAudienceThenRefused() {
		String header = "{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\"}";
		assertRefused(HandMadeJwt.hs256(header, HandMadeJwt.claims(this.now, 600, "someone-else", "api"), SECRET),
				Reason.BAD_SIGNATURE);
		assertRefused(HandMadeJwt.hs256(header, HandMadeJwt.claims(this.now, 600, "tokenkit-test", "other-api"),
				SECRET), Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenHandMadeExpiredBeyondSkewThenExpired() {
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now - 3600, 3000, "tokenkit-test", "api"), SECRET), Reason.EXPIRED);
	}

	@Test
	void authenticateWhenDuplicateClaimThenRefused() {
		String payload = HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api").replace("{", "{\"sub\":\"acct-bob\",");
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\"}", payload, SECRET), Reason.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a.b.c", "a.b", "....", "tk_abc", "eyJhbGciOiJIUzI1NiJ9.e30.x" })
	void authenticateWhenGarbageThenInvalidTokenNeverAnotherException(String token) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.authenticate(token));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.service.authenticate("x".repeat(9000)));
	}

	@Test
	void hs256WhenSecretShorterThan256BitsThenRefusedWithClearMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> JwtKey.hs256("k", new byte[31]))
			.withMessageContaining("at least 256 bits");
	}

	@Test
	void authenticateWhenRs256Es256OrEdDsaThenRoundTrip() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		for (JwtKey key : List.of(JwtKey.rs256("r", rsa.generateKeyPair()), JwtKey.es256("e", ec.generateKeyPair()),
				JwtKey.eddsa("d", KeyPairGenerator.getInstance("Ed25519").generateKeyPair()))) {
			JwtTokenService asymmetric = JwtTokenService.builder(this.store).key(key).clock(this.clock).build();
			IssuedToken token = asymmetric.issue(TestAccounts.alice(), THIRTY_MINUTES);
			assertThat(asymmetric.authenticate(token.value()).username()).as(key.toString()).isEqualTo("alice");
		}
	}

	@Test
	void inspectWhenLiveThenIssueTimeAndExpiryOfTheClaimsAndRevokedRefused() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		this.clock.advance(Duration.ofMinutes(10));
		ActiveToken active = this.service.inspect(token.value());
		assertThat(active.principal()).isEqualTo(token.principal());
		assertThat(active.issuedAt()).isEqualTo(token.issuedAt());
		assertThat(active.expiresAt()).isEqualTo(token.expiresAt());
		assertThat(this.service.revoke(token.value())).isTrue();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.service.inspect(token.value()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.REVOKED));
	}

	/**
	 * The JWK Set holds the public key of every asymmetric key, the signing key first, and nothing secret; each JWK,
	 * read back by jjwt's own JWK parser, verifies the tokens of its key.
	 */
	@Test
	@SuppressWarnings("unchecked") // the JSON objects of the set are maps of names
	void jwkSetWhenAsymmetricKeysThenPublicHalvesOnlyAndEachVerifiesItsTokens() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		ec.initialize(new ECGenParameterSpec("secp256r1"));
		List<JwtKey> keys = List.of(JwtKey.rs256("r", rsa.generateKeyPair()), JwtKey.es256("e", ec.generateKeyPair()),
				JwtKey.eddsa("d", KeyPairGenerator.getInstance("Ed25519").generateKeyPair()), JwtKey.hs256("s", SECRET));
		for (JwtKey signing : keys.subList(0, 3)) {
			JwtTokenServiceBuilder builder = JwtTokenService.builder(this.store).clock(this.clock);
			keys.forEach(builder::key);
			JwtTokenService service = builder.activeKey(signing.kid()).build();
			JwkSet jwks = service.jwkSet();
			assertThat(jwks.kids()).first().isEqualTo(signing.kid());
			assertThat(jwks.kids()).containsExactlyInAnyOrder("r", "e", "d");
			Map<String, ?> json = JacksonJwtJson.deserializer().deserialize(new StringReader(jwks.json()));
			assertThat((List<?>) json.get("keys")).hasSize(3).allSatisfy((jwk) -> assertThat((Map<String, Object>) jwk)
				.containsEntry("use", "sig").containsKeys("kid", "alg", "kty").doesNotContainKeys("d", "k", "p", "q"));
			var parsed = Jwks.setParser().json(JacksonJwtJson.deserializer()).build().parse(jwks.json());
			PublicKey published = (PublicKey) parsed.getKeys().stream()
				.filter((jwk) -> signing.kid().equals(jwk.getId())).findFirst().orElseThrow().toKey();
			String token = service.issue(TestAccounts.alice(), THIRTY_MINUTES).value();
			assertThat(Jwts.parser().json(JacksonJwtJson.deserializer()).verifyWith(published).clock(
					() -> Date.from(this.clock.instant())).build().parseSignedClaims(token).getPayload().getSubject())
				.as(signing.toString()).isEqualTo("acct-alice");
		}
		assertThat(this.service.jwkSet().kids()).isEmpty();
		assertThat(this.service.jwkSet().json()).isEqualTo("{\"keys\":[]}");
	}

	@Test
	void authenticateWhenKeysRotateThenOldTokensWorkUntilOldKeyRemoved() {
		byte[] newSecret = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
		String old = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES).value();
		JwtTokenService rotated = JwtTokenService.builder(this.store).key(JwtKey.hs256("k1", SECRET))
			.key(JwtKey.hs256("k2", newSecret)).activeKey("k2").clock(this.clock)
			.issuer("tokenkit-test").audience("api").build();
		assertThat(rotated.authenticate(old).username()).isEqualTo("alice");
		String fresh = rotated.issue(TestAccounts.alice(), THIRTY_MINUTES).value();
		JwtTokenService retired = JwtTokenService.builder(this.store).key(JwtKey.hs256("k2", newSecret))
			.clock(this.clock).issuer("tokenkit-test").audience("api").build();
		assertThat(retired.authenticate(fresh).username()).isEqualTo("alice");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> retired.authenticate(old));
	}

	@Test
	void authenticateWhenNotTypedAsAccessTokenThenRefused() {
		assertRefused(HandMadeJwt.hs256("{\"alg\":\"HS256\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api"), SECRET), Reason.BAD_SIGNATURE);
		assertRefused(HandMadeJwt.hs256("{\"typ\":\"JWT\",\"alg\":\"HS256\",\"kid\":\"k1\"}",
				HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api"), SECRET), Reason.BAD_SIGNATURE);
	}

	@Test
	void authenticateWhenSignedButClaimsOutOfRangeOrOfWrongTypeThenRefused() {
		String header = "{\"typ\":\"at+jwt\",\"alg\":\"HS256\",\"kid\":\"k1\"}";
		String valid = HandMadeJwt.claims(this.now, 600, "tokenkit-test", "api");
		List<String> payloads = List.of(HandMadeJwt.claims(this.now + 86_400, 600, "tokenkit-test", "api"),
				HandMadeJwt.claims(this.now - 60, 10L * 365 * 86_400, "tokenkit-test", "api"),
				valid.replace("\"exp\":" + (this.now + 600), "\"exp\":\"9999999999\""),
				valid.replace("[\"ROLE_USER\"]", "[null,{\"x\":1}]"), valid.replace("[\"ROLE_USER\"]", "\"ROLE_USER\""),
				valid.replace("\"username\":\"alice\"", "\"username\":7"),
				valid.replace("\"exp\":" + (this.now + 600) + ",", ""));
		for (String payload : payloads) {
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> this.service.authenticate(HandMadeJwt.hs256(header, payload, SECRET)))
				.as(payload);
		}
	}

	@Test
	void revokeWhenAlreadyRevokedThenFalse() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertThat(this.service.revoke(token.value())).isTrue();
		assertThat(this.service.revoke(token.value())).isFalse();
	}

	@Test
	void authenticateWhenAccountRevokedThenRefusedUntilTheTokenIsDeadEvenWithinClockSkew() {
		IssuedToken token = this.service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofHours(24)));
		this.clock.advance(Duration.ofSeconds(1));
		this.service.revokeAll("acct-alice");
		this.clock.advance(Duration.ofHours(24).plusSeconds(2));
		assertRefused(token.value(), Reason.REVOKED);
		this.service.revokeAll("acct-alice");
		IssuedToken later = this.service.issue(TestAccounts.alice(), THIRTY_MINUTES);
		assertRefused(later.value(), Reason.REVOKED);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.service.issue(TestAccounts.alice(), THIRTY_MINUTES).value()).isNotNull();
	}

	@Test
	void buildWhenKeyCannotSignWithItsAlgorithmThenFailsNamingTheKid() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(1024);
		JwtKey weak = JwtKey.rs256("weak-rsa", rsa.generateKeyPair());
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> JwtTokenService.builder(this.store).key(weak).build())
			.withMessageContaining("weak-rsa");
	}

	@Test
	void classpathWhenJwtInUseThenNoJackson2() {
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"));
	}

}
