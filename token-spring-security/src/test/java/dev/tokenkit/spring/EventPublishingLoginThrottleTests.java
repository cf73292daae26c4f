package dev.tokenkit.spring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;

import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.servlet.InMemoryLoginThrottle;
import dev.tokenkit.servlet.error.TokenKitHttpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A login the throttle refuses is published as a locked-account failure, through Spring Security's publisher. */
class EventPublishingLoginThrottleTests {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final EventPublishingLoginThrottle throttle = new EventPublishingLoginThrottle(
			new InMemoryLoginThrottle(2, Duration.ofMinutes(15), MutableClock.start()),
			new DefaultAuthenticationEventPublisher(this.events::add));

	@Test
	void checkWhenThrottledThenLockedFailureEventOfTheLoginAndTheRefusalRethrown() {
		this.throttle.check("me", "127.0.0.1");
		this.throttle.recordFailure("me", "127.0.0.1");
		this.throttle.check("me", "127.0.0.1");
		this.throttle.recordFailure("me", "127.0.0.1");
		assertThat(this.events).isEmpty();

		assertThatExceptionOfType(TokenKitHttpException.class).isThrownBy(() -> this.throttle.check("me", "127.0.0.1"))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(429));
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(AuthenticationFailureLockedEvent.class, (event) -> {
				assertThat(event.getAuthentication().getName()).isEqualTo("me");
				assertThat(event.getAuthentication().getCredentials()).isNull();
			});
	}

	@Test
	void releaseWhenLoginSucceededThenTheThrottleForgetsItsAttempt() {
		for (int i = 0; i < 5; i++) {
			this.throttle.check("me", "127.0.0.1");
			this.throttle.release("me", "127.0.0.1");
		}
		assertThat(this.events).isEmpty();
	}

}
