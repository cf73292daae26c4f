package dev.tokenkit.sample;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.management.ThreadMXBean;

/**
 * What one request cost the JVM it was sent in, for the catalog's resource bounds under bombs (section 16, item 14):
 * the time to the answer, and the CPU time and heap bytes allocated by every thread but the sending one (the
 * server's, since the sample runs in the test's JVM). Allocation bounds the heap growth from above. Measure one
 * request at a time: whatever else runs meanwhile is counted too, while threads that end meanwhile and the JVM's own
 * (garbage collection, compilation) are not.
 */
final class RequestCost {

	private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

	private final long startedNanos = System.nanoTime();

	private final Map<Long, Spent> atStart = otherThreads();

	/** Starts measuring now, on the thread that will send the request. */
	static RequestCost start() {
		return new RequestCost();
	}

	/** What was spent since the start, as one line: "answered 400 in 3 ms, 2.1 ms CPU, 0.4 MiB allocated". */
	String stop(int status) {
		long elapsedNanos = System.nanoTime() - this.startedNanos;
		long cpuNanos = 0;
		long allocated = 0;
		for (Map.Entry<Long, Spent> thread : otherThreads().entrySet()) {
			Spent start = this.atStart.getOrDefault(thread.getKey(), Spent.NOTHING);
			cpuNanos += thread.getValue().cpuNanos() - start.cpuNanos();
			allocated += thread.getValue().allocatedBytes() - start.allocatedBytes();
		}
		return String.format(Locale.ROOT, "answered %d in %.1f ms, %.1f ms CPU, %.2f MiB allocated", status,
				elapsedNanos / 1e6, cpuNanos / 1e6, allocated / (double) (1 << 20));
	}

	/** CPU time and allocated bytes of every live thread but the current one, by thread id. */
	private static Map<Long, Spent> otherThreads() {
		long[] ids = THREADS.getAllThreadIds();
		long[] cpu = THREADS.getThreadCpuTime(ids);
		long[] allocated = THREADS.getThreadAllocatedBytes(ids);
		long current = Thread.currentThread().getId();
		Map<Long, Spent> threads = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (ids[i] != current && cpu[i] >= 0 && allocated[i] >= 0) {
				threads.put(ids[i], new Spent(cpu[i], allocated[i]));
			}
		}
		return threads;
	}

	/** What one thread has spent since it started. */
	private record Spent(long cpuNanos, long allocatedBytes) {

		static final Spent NOTHING = new Spent(0, 0);

	}

}
