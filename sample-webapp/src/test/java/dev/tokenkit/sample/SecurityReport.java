package dev.tokenkit.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.util.Jetty;

import org.springframework.core.SpringVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

/**
 * The figures of one security run (catalog section 16), collected by every security test class of a test JVM and
 * written once the run ends ({@link SecurityReportListener}): per catalog area the cases run, the requests sent and
 * the area's figures, each marked when it must be 0; then the cases that allow two answers with the answer observed,
 * and what was not exercised and why. Printed and written to {@code target/security-report.md}.
 */
final class SecurityReport {

	private static final Map<String, Area> AREAS = new ConcurrentSkipListMap<>();

	private static final List<String> NOT_EXERCISED = new CopyOnWriteArrayList<>();

	private SecurityReport() {
	}

	/** The area of this catalog code ("S1", "P", "W", ...), created on first use. */
	static Area area(String code) {
		return AREAS.computeIfAbsent(code, Area::new);
	}

	/** Records something the catalog asks for that this run did not exercise, with the reason. */
	static void notExercised(String what) {
		NOT_EXERCISED.add(what);
	}

	static boolean isEmpty() {
		return AREAS.isEmpty();
	}

	/** The figures that must be 0 and are not, over all areas. */
	static List<String> failures() {
		List<String> failures = new ArrayList<>();
		AREAS.values().forEach((area) -> area.figures.stream().filter(Figure::fails)
			.forEach((figure) -> failures.add(area.code + ": " + figure.name + " = " + figure.value)));
		return failures;
	}

	/** Prints the report and writes it to {@code target/security-report.md}. */
	static void write() {
		StringBuilder report = new StringBuilder("# tokenkit security run\n\n")
			.append("tokenkit ").append(SecurityReport.class.getPackage().getImplementationVersion() == null
					? "0.1.0-SNAPSHOT" : SecurityReport.class.getPackage().getImplementationVersion())
			.append(", Jetty ").append(Jetty.VERSION)
			.append(", Spring Framework ").append(SpringVersion.getVersion())
			.append(", Spring Security ").append(SpringSecurityCoreVersion.getVersion())
			.append(", Jackson ").append(tools.jackson.databind.cfg.PackageVersion.VERSION)
			.append(", jjwt ").append(version(io.jsonwebtoken.Jwts.class))
			.append(", JDK ").append(Runtime.version()).append("\n\n")
			.append("| area | cases | requests |\n|---|---|---|\n");
		int cases = 0;
		int requests = 0;
		for (Area area : AREAS.values()) {
			report.append("| ").append(area.code).append(" | ").append(area.cases).append(" | ").append(area.requests)
				.append(" |\n");
			cases += area.cases.get();
			requests += area.requests.get();
		}
		report.append("| total | ").append(cases).append(" | ").append(requests).append(" |\n\n")
			.append("## Figures\n\nFigures marked (must be 0) are asserted by the test that measures them.\n\n");
		for (Area area : AREAS.values()) {
			if (area.figures.isEmpty() && area.answers.isEmpty()) {
				continue;
			}
			report.append("### ").append(area.code).append("\n\n");
			area.figures.forEach((figure) -> report.append("- ").append(figure.name).append(": ").append(figure.value)
				.append(figure.mustBeZero ? " (must be 0)" : "").append('\n'));
			if (!area.answers.isEmpty()) {
				report.append("- answers observed where the catalog allows more than one:\n");
				area.answers.forEach((answer) -> report.append("  - ").append(answer).append('\n'));
			}
			report.append('\n');
		}
		List<String> failures = failures();
		report.append("Must-be-0 figures that are not 0: ").append(failures.size()).append('\n');
		failures.forEach((failure) -> report.append("- ").append(failure).append('\n'));
		report.append("\n## Not exercised\n\n");
		NOT_EXERCISED.forEach((item) -> report.append("- ").append(item).append('\n'));
		System.out.println(report);
		try {
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "security-report.md"), report.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String version(Class<?> type) {
		String version = type.getPackage().getImplementationVersion();
		return (version != null) ? version : "(unknown)";
	}

	/** One catalog area's counts and figures; safe for concurrent use. */
	static final class Area {

		private final String code;

		private final AtomicInteger cases = new AtomicInteger();

		private final AtomicInteger requests = new AtomicInteger();

		private final List<Figure> figures = new CopyOnWriteArrayList<>();

		private final List<String> answers = new CopyOnWriteArrayList<>();

		private Area(String code) {
			this.code = code;
		}

		/** Counts cases run and requests sent. */
		Area ran(int cases, int requests) {
			this.cases.addAndGet(cases);
			this.requests.addAndGet(requests);
			return this;
		}

		/** A figure that is reported as measured. */
		Area figure(String name, Object value) {
			this.figures.add(new Figure(name, String.valueOf(value), false, false));
			return this;
		}

		/** A count that must be 0: the run fails when it is not. */
		Area mustBeZero(String name, long value) {
			this.figures.add(new Figure(name, Long.toString(value), true, value != 0));
			return this;
		}

		/** The answer observed for a case whose expectation allows more than one. */
		Area answer(String caseAndAnswer) {
			this.answers.add(caseAndAnswer);
			return this;
		}

	}

	private record Figure(String name, String value, boolean mustBeZero, boolean fails) {
	}

}
