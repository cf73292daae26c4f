package dev.tokenkit.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactedFailureTests {

	@Test
	void ofWhenFailureQuotesASecretThenOnlyTypesAndTheStackRemain() {
		IllegalStateException cause = new IllegalStateException("row value my_password");
		IllegalArgumentException failure = new IllegalArgumentException("header user me:my_password", cause);

		RedactedFailure redacted = RedactedFailure.of(failure);

		assertThat(redacted.getMessage()).isEqualTo(
				"java.lang.IllegalArgumentException caused by java.lang.IllegalStateException");
		assertThat(redacted.getCause()).isNull();
		assertThat(redacted.getStackTrace()).isEqualTo(failure.getStackTrace());
		assertThat(redacted.toString()).doesNotContain("my_password");
	}

	@Test
	void typesWhenCausesFormACycleThenEachTypeOnce() {
		IllegalStateException a = new IllegalStateException("a");
		IllegalArgumentException b = new IllegalArgumentException("b", a);
		a.initCause(b);
		RuntimeException top = new RuntimeException("top", a);

		assertThat(RedactedFailure.types(top)).isEqualTo("java.lang.RuntimeException caused by "
				+ "java.lang.IllegalStateException caused by java.lang.IllegalArgumentException");
	}

}
