package dev.tokenkit.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import dev.tokenkit.servlet.testing.RawHttp;

/**
 * Client threads that call the sample while its token store is at fault, and keep every answer with when it was asked
 * and when it came. Each client goes round the same five calls, starting at a different one: a secure call with a
 * bearer token, a GlobalGiving secure call with the api key and the token as parameters, an issue in each dialect,
 * and the public project list. Every call opens a connection of its own.
 */
final class FaultLoad {

	private static final String[] CALLS = { "whoami", "donations", "dsi issue", "globalgiving issue", "projects" };

	private final SampleApp app;

	private final String token;

	private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

	private final List<Thread> clients = new ArrayList<>();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private volatile boolean running = true;

	private FaultLoad(SampleApp app, String token) {
		this.app = app;
		this.token = token;
	}

	/** Starts clients that call until {@link #stop()}; secure calls carry {@code me}'s token. */
	static FaultLoad start(SampleApp app, String token, int clients) {
		FaultLoad load = new FaultLoad(app, token);
		for (int client = 0; client < clients; client++) {
			int first = client;
			Thread thread = new Thread(() -> load.callRoundUntilStopped(first), "fault-load-" + client);
			load.clients.add(thread);
			thread.start();
		}
		return load;
	}

	/** Runs clients for a while and returns every call they made. */
	static List<Call> run(SampleApp app, String token, int clients, Duration duration) throws InterruptedException {
		FaultLoad load = start(app, token, clients);
		Thread.sleep(duration.toMillis());
		return load.stop();
	}

	/** The calls answered so far. */
	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/** Lets each client finish the call it is in, then returns every call made; rethrows what a client threw. */
	List<Call> stop() throws InterruptedException {
		this.running = false;
		for (Thread client : this.clients) {
			client.join();
		}
		if (this.failure.get() != null) {
			throw new IllegalStateException("A fault-load client failed", this.failure.get());
		}
		return calls();
	}

	private void callRoundUntilStopped(int first) {
		try {
			for (int next = first; this.running; next++) {
				String name = CALLS[next % CALLS.length];
				long started = System.nanoTime();
				RawHttp.Response response = send(name);
				this.calls.add(new Call(name, started, System.nanoTime(), response));
			}
		}
		catch (RuntimeException | Error ex) {
			this.failure.compareAndSet(null, ex);
		}
	}

	private RawHttp.Response send(String name) {
		RawHttp http = this.app.http();
		return switch (name) {
			case "whoami" -> http.get("/secure/whoami", "Authorization: Bearer " + this.token);
			case "donations" -> http.get("/api/secure/givingservice/donations?api_key=ME_API_KEY&api_token="
					+ this.token);
			case "dsi issue" -> http.get("/authentication_token", "Authorization: user me:my_password");
			case "globalgiving issue" -> http.post("/api/userservice/tokens", "{'auth_request':{'user':{'email':"
					+ "'me@example.com','password':'my_password'}, 'api_key':'ME_API_KEY'}}",
					"Content-Type: application/json");
			default -> http.get("/api/public/projects");
		};
	}

	/**
	 * One answered call.
	 *
	 * @param name which of the five calls
	 * @param started when it was sent, {@link System#nanoTime()}
	 * @param answered when its answer had been read
	 * @param response the answer
	 */
	record Call(String name, long started, long answered, RawHttp.Response response) {

		/** A call that needs a token or issues one, so the store. */
		boolean needsTheStore() {
			return !this.name.equals("projects");
		}

		/** A secure call: one token check. */
		boolean checksAToken() {
			return needsTheStore() && !issues();
		}

		boolean issues() {
			return this.name.endsWith("issue");
		}

		/**
		 * A secure call whose token was accepted, so that it reached the app's handler: answered 200, or refused by
		 * the app itself because its own database went down after the token check (the donations' 503 problem).
		 */
		boolean reachedTheHandler() {
			return checksAToken() && (status() == 200 || status() == 503
					&& this.response.body().contains("The donations are temporarily unavailable"));
		}

		Duration took() {
			return Duration.ofNanos(this.answered - this.started);
		}

		/** Whether the call was sent and answered between two instants of {@link System#nanoTime()}. */
		boolean within(long from, long to) {
			return this.started - from >= 0 && to - this.answered >= 0;
		}

		int status() {
			return this.response.status();
		}

	}

}
