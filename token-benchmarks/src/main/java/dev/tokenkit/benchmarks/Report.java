package dev.tokenkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JMH JSON result into the table of targets: each figure beside its baseline from the same run, as a ratio.
 * Run by {@code token-benchmarks/run-all}, or
 * {@code java -cp token-benchmarks/target/benchmarks.jar dev.tokenkit.benchmarks.Report target/jmh.json}.
 */
public final class Report {

	private final Map<String, Double> scores = new HashMap<>();

	private Report(JsonNode results) {
		for (JsonNode result : results) {
			String name = result.get("benchmark").asString().replace("dev.tokenkit.benchmarks.", "");
			JsonNode params = result.get("params");
			if (params != null) {
				StringBuilder suffix = new StringBuilder();
				params.properties().forEach((param) -> suffix.append(':').append(param.getValue().asString()));
				name += suffix;
			}
			this.scores.put(name, result.get("primaryMetric").get("score").asDouble());
		}
	}

	/**
	 * Prints the table.
	 *
	 * @param args the JMH JSON result file
	 * @throws IOException if it cannot be read
	 */
	public static void main(String[] args) throws IOException {
		Report report = new Report(JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0]))));
		report.print();
	}

	private void print() {
		System.out.println("| figure | measured | baseline, same run | ratio | target |");
		System.out.println("|---|---|---|---|---|");
		row("opaque `authenticate`, in-memory, hit", "OpaqueBenchmark.opaqueAuthenticate",
				"SHA-256 + `ConcurrentHashMap.get`", "OpaqueBenchmark.floorSha256AndMapGet", "≤ 1.3×");
		row("Spring Session `MapSessionRepository` find+touch+save", "OpaqueBenchmark.springSessionFindTouchSave",
				"opaque `authenticate`", "OpaqueBenchmark.opaqueAuthenticate", "≥ 2× (slower than tokenkit)");
		row("JWT `authenticate`, token seen before", "JwtBenchmark.jwtSeenBefore", "opaque `authenticate`",
				"JwtBenchmark.opaqueAuthenticate", "≤ 2×");
		row("JWT `authenticate`, first sight", "JwtBenchmark.jwtFirstSight", "jjwt parse+verify alone",
				"JwtBenchmark.jjwtParseVerify", "≤ 1.1×");
		row("Spring `NimbusJwtDecoder.decode`", "JwtBenchmark.nimbusDecode", "JWT `authenticate`, first sight",
				"JwtBenchmark.jwtFirstSight", "> 1× (slower than tokenkit)");
		row("issuing a token, `{bcrypt}` strength 10", "IssueBenchmark.issueFromPassword",
				"`BCryptPasswordEncoder.matches` alone", "IssueBenchmark.bcryptMatches", "≤ 1.05×");
		for (String store : new String[] { "memory", "h2", "postgresql", "redis" }) {
			row("opaque check, " + store + " store", "StoreValidationBenchmark.authenticate:" + store + ":opaque",
					"in-memory opaque check", "StoreValidationBenchmark.authenticate:memory:opaque", "(scaling.md)");
		}
	}

	private void row(String figure, String benchmark, String baselineName, String baseline, String target) {
		Double measured = this.scores.get(benchmark);
		Double base = this.scores.get(baseline);
		if (measured == null || base == null) {
			System.out.printf("| %s | not run | %s | | %s |%n", figure, baselineName, target);
			return;
		}
		System.out.printf(Locale.ROOT, "| %s | %s | %s: %s | %.2f× | %s |%n", figure, time(measured), baselineName,
				time(base), measured / base, target);
	}

	private static String time(double nanos) {
		return (nanos >= 10_000) ? String.format(Locale.ROOT, "%.1f µs", nanos / 1000)
				: String.format(Locale.ROOT, "%.0f ns", nanos);
	}

}
