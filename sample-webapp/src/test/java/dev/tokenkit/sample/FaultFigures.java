package dev.tokenkit.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tokenkit.sample.FaultLoad.Call;

/**
 * The figures of one store fault for the run's {@link SecurityReport}, area R (catalog section 16, item 17), from the
 * calls its clients made: the accesses granted and the secure handlers reached while the store was unavailable and the
 * 5xx other than 503 (each must be 0), the 503s, the longest time to fail, and how soon service resumed.
 */
final class FaultFigures {

	private FaultFigures() {
	}

	/**
	 * Records a fault.
	 *
	 * @param of the store and the fault, as the figures name them: "redis, stopped"
	 * @param timeToFail the name of the time-to-fail figure
	 * @param requests the requests sent besides the calls
	 * @param calls every call of the fault's clients
	 * @param outage the calls sent and answered while the store was unavailable
	 * @param handled the secure handler calls while the clients called
	 * @param recovery how long after the store was back the sample stopped answering 503
	 */
	static void record(String of, String timeToFail, int requests, List<Call> calls, List<Call> outage, long handled,
			Duration recovery) {
		List<Call> refused = storeCalls(outage);
		SecurityReport.area("R")
			.ran(1, requests + calls.size())
			.mustBeZero("accesses granted while the token store was down or slow (" + of + ")", count(refused, 200))
			.mustBeZero("secure handler calls for secure calls not answered 200 (" + of + ")",
					handled - calls.stream().filter((call) -> call.checksAToken() && call.status() == 200).count())
			.mustBeZero("5xx other than 503 during faults (" + of + ")",
					calls.stream().filter((call) -> call.status() >= 500 && call.status() != 503).count())
			.figure("503 answers during faults (" + of + ")", count(refused, 503) + " of " + refused.size()
					+ " secure calls and issues" + others(refused))
			.figure(timeToFail, millis(max(calls, (call) -> call.checksAToken() && call.status() == 503))
					+ " (secure calls); " + millis(max(calls, (call) -> call.issues() && call.status() == 503))
					+ " (issues, password check included)")
			.figure("service resumed after the store came back (" + of + ")", millis(recovery));
	}

	/** Answers by status: "200 ×40, 401 ×31, 503 ×12". */
	static String byStatus(List<Call> calls) {
		Map<Integer, Long> statuses = new TreeMap<>(
				calls.stream().collect(Collectors.groupingBy(Call::status, Collectors.counting())));
		return statuses.entrySet().stream().map((status) -> status.getKey() + " ×" + status.getValue())
			.collect(Collectors.joining(", "));
	}

	static List<Call> storeCalls(List<Call> calls) {
		return calls.stream().filter(Call::needsTheStore).toList();
	}

	/** The longest a matching call took. */
	static Duration max(List<Call> calls, Predicate<Call> which) {
		return calls.stream().filter(which).map(Call::took).max(Duration::compareTo).orElse(Duration.ZERO);
	}

	static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}

	/** The answers other than 503, by status: ", others: 200 ×40", or nothing. */
	private static String others(List<Call> calls) {
		List<Call> others = calls.stream().filter((call) -> call.status() != 503).toList();
		return others.isEmpty() ? "" : ", others: " + byStatus(others);
	}

	private static long count(List<Call> calls, int status) {
		return calls.stream().filter((call) -> call.status() == status).count();
	}

}
