package dev.tokenkit.servlet.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "tk_abc|tk_abc", "=HYPERLINK(1)|'=HYPERLINK(1)", "+cmd|'+cmd", "-2+3|'-2+3",
			"@SUM(1)|'@SUM(1)", "a,b|\"a,b\"", "say \"hi\"|\"say \"\"hi\"\"\"" })
	void escapeWhenFormulaOrSpecialCharactersThenNeutralised(String value, String expected) {
		assertThat(CsvCells.escape(value)).isEqualTo(expected);
	}

}
