package dev.tokenkit.core.jdbc;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Authorities in one column: sorted and comma-separated ({@link dev.tokenkit.core.account.Account} forbids commas). */
final class Authorities {

	private Authorities() {
	}

	static String join(Set<String> authorities) {
		return String.join(",", new TreeSet<>(authorities));
	}

	static Set<String> split(String column) {
		return Arrays.stream(column.split(",")).filter((a) -> !a.isBlank()).collect(Collectors.toUnmodifiableSet());
	}

}
