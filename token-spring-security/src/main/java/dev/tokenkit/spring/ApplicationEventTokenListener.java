package dev.tokenkit.spring;

import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;

import dev.tokenkit.core.TokenEvent;
import dev.tokenkit.core.TokenListener;

/**
 * Publishes a token service's revocations to the application context, for the app's listeners and audit: a
 * {@link TokenRevokedEvent} for one token (a logout), an {@link AllTokensRevokedEvent} for every token of an account.
 * Issues and checks are published as Spring Security's authentication events by the filters, so their token events
 * are not repeated here; nor are cap drops ({@code DROPPED}) and expiries. Set it with the service builder's
 * {@code listener(...)}; the Spring Boot starter does.
 *
 * @since 0.1.0
 */
public final class ApplicationEventTokenListener implements TokenListener {

	private final ApplicationEventPublisher publisher;

	/**
	 * Creates the listener.
	 *
	 * @param publisher the application context, or another publisher
	 */
	public ApplicationEventTokenListener(ApplicationEventPublisher publisher) {
		this.publisher = Objects.requireNonNull(publisher, "publisher cannot be null");
	}

	@Override
	public void onEvent(TokenEvent event) {
		String accountId = event.accountId();
		if (accountId == null) {
			return;
		}
		switch (event.type()) {
			case REVOKED -> this.publisher.publishEvent(new TokenRevokedEvent(event, accountId));
			case ALL_REVOKED -> this.publisher.publishEvent(new AllTokensRevokedEvent(event, accountId));
			default -> {
				// issues, rejections and expiries: Spring Security's authentication events; cap drops: none
			}
		}
	}

}
