package dev.tokenkit.boot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import dev.tokenkit.core.Durations;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.jdbc.JdbcTokenStore;

/**
 * Deletes expired token rows, and the login throttle's rows whose window or lease has ended, from the JDBC store on a
 * schedule ({@code tokenkit.store.jdbc.purge-interval}), on one daemon thread that runs while the application context
 * does. A database that cannot be reached is tried again at the next run.
 *
 * @since 0.1.0
 */
public final class ExpiredTokenPurge implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredTokenPurge.class);

	private final ObjectProvider<JdbcTokenStore> stores;

	private final Duration interval;

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Creates the purge.
	 *
	 * @param stores the JDBC store, looked up when the purge starts
	 * @param interval the time between runs
	 */
	public ExpiredTokenPurge(ObjectProvider<JdbcTokenStore> stores, Duration interval) {
		this.stores = stores;
		this.interval = TokenKitPropertiesCustomizer.check("tokenkit.store.jdbc.purge-interval",
				() -> Durations.requirePositive(interval, "purgeInterval"));
	}

	/** Deletes the expired and ended rows now. */
	public void purge() {
		JdbcTokenStore store = this.stores.getIfUnique();
		if (store == null) {
			return;
		}
		run("expired tokens", store::purgeExpired);
		run("ended login throttle counts", () -> store.loginAttempts().purgeEnded());
	}

	/** Runs one purge; a failure is logged, and tried again at the next run rather than ending the schedule. */
	private static void run(String rows, IntSupplier purge) {
		try {
			logger.debug("Purged {} {}", purge.getAsInt(), rows);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("The {} were not purged: the database cannot be reached", rows);
		}
		catch (RuntimeException ex) {
			// another fault, such as a missing table
			logger.warn("The {} were not purged ({})", rows, ex.getClass().getSimpleName());
		}
	}

	@Override
	public synchronized void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "tokenkit-purge");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		started.scheduleWithFixedDelay(this::purge, millis, millis, TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
