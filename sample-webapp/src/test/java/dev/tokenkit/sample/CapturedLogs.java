package dev.tokenkit.sample;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Keeps every log event of the test JVM, for the security catalog's search for secrets in the logs (G7). Declared in
 * {@code logback-test.xml}, so that it survives the logging reset of every app a test starts: the events live in one
 * list of the class, whichever instance appended them.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {

	private static final List<ILoggingEvent> EVENTS = new ArrayList<>();

	@Override
	protected void append(ILoggingEvent event) {
		event.prepareForDeferredProcessing();
		synchronized (EVENTS) {
			EVENTS.add(event);
		}
	}

	/** How many events there are so far: a mark for {@link #since(int)}. */
	static int mark() {
		synchronized (EVENTS) {
			return EVENTS.size();
		}
	}

	/** The events appended after a mark. */
	static List<ILoggingEvent> since(int mark) {
		synchronized (EVENTS) {
			return new ArrayList<>(EVENTS.subList(Math.min(mark, EVENTS.size()), EVENTS.size()));
		}
	}

}
