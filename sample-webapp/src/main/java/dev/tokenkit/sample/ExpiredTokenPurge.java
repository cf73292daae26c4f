package dev.tokenkit.sample;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.jdbc.JdbcTokenStore;
import dev.tokenkit.core.store.TokenStore;

/**
 * Deletes expired token rows every ten minutes when tokens live in the database ({@code tokenkit.store=jdbc}); the
 * in-memory and Redis stores expire their entries by themselves.
 *
 * @since 0.1.0
 */
@Component
public class ExpiredTokenPurge {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredTokenPurge.class);

	private final TokenStore store;

	/**
	 * Creates the purge.
	 *
	 * @param store the sample's token store
	 */
	public ExpiredTokenPurge(TokenStore store) {
		this.store = store;
	}

	/** Deletes the expired rows; a database that cannot be reached is tried again next time. */
	@Scheduled(initialDelay = 10, fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
	public void purge() {
		if (!(this.store instanceof JdbcTokenStore jdbc)) {
			return;
		}
		try {
			int purged = jdbc.purgeExpired();
			logger.debug("Purged {} expired tokens", purged);
		}
		catch (StoreUnavailableException ex) {
			logger.warn("Expired tokens not purged: the database cannot be reached");
		}
	}

}
