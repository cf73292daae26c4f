package dev.tokenkit.boot;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;

import dev.tokenkit.core.account.Account;
import dev.tokenkit.core.account.Authenticator;
import dev.tokenkit.core.account.InMemoryAccountRepository;
import dev.tokenkit.core.account.PasswordAuthenticator;
import dev.tokenkit.core.account.StoredAccount;
import dev.tokenkit.spring.TokenKitConfigurer;

/**
 * Applies {@code tokenkit.jwk-set.*}, {@code tokenkit.introspection.*} and {@code tokenkit.metadata.*} to a
 * {@link TokenKitConfigurer}: the endpoints other services call to trust tokenkit's tokens, each off unless enabled.
 * The JWK Set is served for JWTs only; the metadata's issuer is {@code tokenkit.jwt.issuer} for JWTs. Introspection
 * clients are held as accounts whose password hashes are the clients' secret hashes, checked by a
 * {@link PasswordAuthenticator}. A client without an id, or with a secret that is not a hash, stops start-up naming
 * its property.
 *
 * @since 0.1.0
 */
public final class TrustEndpointsCustomizer implements Customizer<TokenKitConfigurer> {

	private final TokenKitProperties properties;

	private final boolean jwt;

	/** The introspection clients; none when introspection is off, so that no dummy hash is made for nothing. */
	private final @Nullable Authenticator clients;

	/**
	 * Checks the settings and makes the introspection clients.
	 *
	 * @param properties the settings
	 * @throws TokenKitConfigurationException for a client that is incomplete or whose secret is not a hash
	 */
	public TrustEndpointsCustomizer(TokenKitProperties properties) {
		this.properties = properties;
		this.jwt = properties.token().kind() == TokenKitProperties.TokenKind.JWT;
		this.clients = clients(properties.introspection());
	}

	@Override
	public void customize(TokenKitConfigurer kit) {
		TokenKitProperties.JwkSet jwkSet = this.properties.jwkSet();
		if (jwkSet.enabled() && this.jwt) {
			kit.jwkSet((endpoint) -> {
				TokenKitPropertiesCustomizer.check("tokenkit.jwk-set.path",
						() -> TokenKitPropertiesCustomizer.set(endpoint::setPath, jwkSet.path()));
				TokenKitPropertiesCustomizer.check("tokenkit.jwk-set.max-age",
						() -> TokenKitPropertiesCustomizer.set(endpoint::setMaxAge, jwkSet.maxAge()));
			});
		}
		TokenKitProperties.Introspection introspection = this.properties.introspection();
		if (this.clients != null) {
			kit.introspection(this.clients, (endpoint) -> {
				TokenKitPropertiesCustomizer.check("tokenkit.introspection.path",
						() -> TokenKitPropertiesCustomizer.set(endpoint::setPath, introspection.path()));
				endpoint.setCountsAsUse(introspection.countsAsUse());
			});
		}
		TokenKitProperties.Metadata metadata = this.properties.metadata();
		if (metadata.enabled()) {
			kit.authorizationServerMetadata((endpoint) -> {
				TokenKitPropertiesCustomizer.check("tokenkit.metadata.path", () -> TokenKitPropertiesCustomizer.set(endpoint::setPath,
						metadata.path()));
				endpoint.setBaseUrl(metadata.baseUrl());
				endpoint.setIssuer(this.jwt ? this.properties.jwt().issuer() : null);
			});
		}
	}

	/** The clients, each checked; an authenticator over them when introspection is on, else {@code null}. */
	private static @Nullable Authenticator clients(TokenKitProperties.Introspection introspection) {
		List<TokenKitProperties.Client> clients = introspection.clients();
		if (introspection.enabled() && clients.isEmpty()) {
			throw new TokenKitConfigurationException("tokenkit.introspection.clients",
					"Introspection needs at least one client (id and secret hash).");
		}
		InMemoryAccountRepository accounts = new InMemoryAccountRepository();
		for (int i = 0; i < clients.size(); i++) {
			TokenKitProperties.Client client = clients.get(i);
			String prefix = "tokenkit.introspection.clients[" + i + "].";
			if (client.id() == null || client.id().isBlank()) {
				throw new TokenKitConfigurationException(prefix + "id", "Every introspection client needs an id.");
			}
			String secret = client.secret();
			if (secret == null || !secret.startsWith("{") || secret.startsWith("{noop}")) {
				throw new TokenKitConfigurationException(prefix + "secret", "Give the hash of the client's secret, "
						+ "such as {bcrypt}$2a$10$..., never the secret itself.");
			}
			accounts.save(new StoredAccount(new Account(client.id(), client.id(), null,
					Set.copyOf(client.tokenAuthorities()), true, null), secret, null));
		}
		return introspection.enabled() ? new PasswordAuthenticator(accounts) : null;
	}

}
