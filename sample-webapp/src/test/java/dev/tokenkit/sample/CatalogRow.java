package dev.tokenkit.sample;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.tokenkit.servlet.testing.RawHttp;
import org.jspecify.annotations.Nullable;

/**
 * One request of the security catalog: the case id ({@code S1-03}, or {@code P-12b} for the second request of a case),
 * the request line and header lines ({@code \n}-separated, {@code HTTP/1.1} added when sending; placeholders such as
 * {@code $T} are replaced with the run's tokens), the body, the statuses the catalog allows, whether a token may be
 * issued or the secure handler reached, and an optional case-specific check.
 */
record CatalogRow(String id, String request, byte[] body, Set<Integer> allowed, boolean issues, boolean serves,
		@Nullable String checkName, @Nullable Predicate<RawHttp.Response> check) {

	/** A request that must be refused with one of these statuses. */
	static CatalogRow refused(String id, String request, int... allowed) {
		Set<Integer> statuses = new TreeSet<>();
		for (int status : allowed) {
			statuses.add(status);
		}
		return new CatalogRow(id, request, new byte[0], statuses, false, false, null, null);
	}

	/** A request that must issue a token ({@code 200}). */
	static CatalogRow issuing(String id, String request) {
		return new CatalogRow(id, request, new byte[0], Set.of(200), true, false, null, null);
	}

	/** A request that must reach the secure handler ({@code 200}). */
	static CatalogRow serving(String id, String request) {
		return new CatalogRow(id, request, new byte[0], Set.of(200), false, true, null, null);
	}

	/** The same row with this body, as UTF-8. */
	CatalogRow body(String text) {
		return bytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The same row with this body, as given. */
	CatalogRow bytes(byte[] bytes) {
		return new CatalogRow(this.id, this.request, bytes, this.allowed, this.issues, this.serves, this.checkName,
				this.check);
	}

	/** The same row, allowed to issue a token as well when it answers {@code 200}. */
	CatalogRow mayIssue() {
		return new CatalogRow(this.id, this.request, this.body, this.allowed, true, this.serves, this.checkName,
				this.check);
	}

	/** The same row, allowed to reach the secure handler (with a valid token, in a way the case leaves open). */
	CatalogRow mayServe() {
		return new CatalogRow(this.id, this.request, this.body, this.allowed, this.issues, true, this.checkName,
				this.check);
	}

	/** The same row with a case-specific check of its answer. */
	CatalogRow expect(String name, Predicate<RawHttp.Response> holds) {
		return new CatalogRow(this.id, this.request, this.body, this.allowed, this.issues, this.serves, name, holds);
	}

	/** The catalog area: the id up to its dash. */
	String area() {
		return this.id.substring(0, this.id.indexOf('-'));
	}

	/** The catalog case: the id without a trailing letter that tells requests of one case apart. */
	String caseId() {
		return Character.isLetter(this.id.charAt(this.id.length() - 1)) ? this.id.substring(0, this.id.length() - 1)
				: this.id;
	}

	@Override
	public String toString() {
		return this.id;
	}

}
