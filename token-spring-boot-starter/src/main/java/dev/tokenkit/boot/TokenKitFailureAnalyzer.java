package dev.tokenkit.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link TokenKitConfigurationException} into Spring Boot's start-up report: the property and the reason, and
 * the action of setting it, instead of the stack of bean-creation failures around it.
 *
 * @since 0.1.0
 */
public final class TokenKitFailureAnalyzer extends AbstractFailureAnalyzer<TokenKitConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TokenKitConfigurationException cause) {
		return new FailureAnalysis("The tokenkit setting '" + cause.property() + "' cannot work: " + cause.reason(),
				"Change " + cause.property() + " in the application's configuration (see tokenkit's docs/spring-boot.md).",
				cause);
	}

}
