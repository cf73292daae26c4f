package dev.tokenkit.servlet.format;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptHeaderTests {

	private static final List<ResponseFormat> OFFERED = List.of(ResponseFormat.JSON, ResponseFormat.XML,
			ResponseFormat.CSV);

	@Test
	void chooseWhenAbsentOrWildcardThenFirstOffered() {
		assertThat(AcceptHeader.choose(null, OFFERED)).hasValue(ResponseFormat.JSON);
		assertThat(AcceptHeader.choose(" ", OFFERED)).hasValue(ResponseFormat.JSON);
		assertThat(AcceptHeader.choose("*/*", OFFERED)).hasValue(ResponseFormat.JSON);
	}

	@Test
	void chooseWhenQualitiesThenHighestWinsAndTiesGoToClientOrder() {
		assertThat(AcceptHeader.choose("application/json;q=0.2, text/csv", OFFERED)).hasValue(ResponseFormat.CSV);
		assertThat(AcceptHeader.choose("text/xml, application/json", OFFERED)).hasValue(ResponseFormat.XML);
		assertThat(AcceptHeader.choose("application/*", List.of(ResponseFormat.XML, ResponseFormat.JSON)))
			.hasValue(ResponseFormat.XML);
		assertThat(AcceptHeader.choose("text/*", OFFERED)).hasValue(ResponseFormat.CSV);
	}

	@Test
	void chooseWhenNothingAcceptableOrQualityZeroThenEmpty() {
		assertThat(AcceptHeader.choose("text/html", OFFERED)).isEmpty();
		assertThat(AcceptHeader.choose("application/json;q=0", OFFERED)).isEmpty();
		assertThat(AcceptHeader.choose("application/json;q=abc", OFFERED)).isEmpty();
	}

}
