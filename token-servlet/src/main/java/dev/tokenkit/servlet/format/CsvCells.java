package dev.tokenkit.servlet.format;

/**
 * Writes one CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, with quotes doubled, and with
 * a leading {@code '} when it starts with a character a spreadsheet would read as a formula ({@code = + - @}, tab,
 * carriage return, NUL).
 */
final class CsvCells {

	private CsvCells() {
	}

	static String escape(String value) {
		String cell = (!value.isEmpty() && "=+-@\t\r\0".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

}
