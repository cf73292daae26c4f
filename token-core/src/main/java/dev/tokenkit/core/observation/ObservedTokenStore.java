package dev.tokenkit.core.observation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;
import org.jspecify.annotations.Nullable;

/**
 * A token store whose every call is observed ({@link TokenObservers#storeCalls}), with the operations
 * {@code save}, {@code save_if_absent}, {@code find}, {@code touch}, {@code remove}, {@code remove_all} and
 * {@code find_by_account}: a success, or a failure with {@link FailureReason#STORE_UNAVAILABLE} or
 * {@link FailureReason#ERROR}. Everything else is the store's. Build a token service over one to time its store; the
 * Spring Boot starter does for the JDBC and Redis stores (an in-memory store answers in nanoseconds, less than an
 * observation costs).
 *
 * @since 0.1.0
 */
public final class ObservedTokenStore implements TokenStore {

	private final TokenStore store;

	private final TokenObserver saves;

	private final TokenObserver absentSaves;

	private final TokenObserver finds;

	private final TokenObserver touches;

	private final TokenObserver removes;

	private final TokenObserver accountRemoves;

	private final TokenObserver accountFinds;

	/**
	 * Observes a store.
	 *
	 * @param store the store
	 * @param observers makes the observers of its calls
	 */
	public ObservedTokenStore(TokenStore store, TokenObservers observers) {
		this.store = Objects.requireNonNull(store, "store cannot be null");
		this.saves = observers.storeCalls("save");
		this.absentSaves = observers.storeCalls("save_if_absent");
		this.finds = observers.storeCalls("find");
		this.touches = observers.storeCalls("touch");
		this.removes = observers.storeCalls("remove");
		this.accountRemoves = observers.storeCalls("remove_all");
		this.accountFinds = observers.storeCalls("find_by_account");
	}

	@Override
	public void save(TokenRecord record) {
		this.saves.observe(() -> {
			this.store.save(record);
			return null;
		});
	}

	@Override
	public boolean saveIfAbsent(TokenRecord record) {
		return this.absentSaves.observe(() -> this.store.saveIfAbsent(record));
	}

	@Override
	public @Nullable TokenRecord find(TokenHash hash) {
		return this.finds.observe(() -> this.store.find(hash));
	}

	@Override
	public void touch(TokenHash hash, Instant usedAt) {
		this.touches.observe(() -> {
			this.store.touch(hash, usedAt);
			return null;
		});
	}

	@Override
	public boolean remove(TokenHash hash) {
		return this.removes.observe(() -> this.store.remove(hash));
	}

	@Override
	public int removeAll(String accountId) {
		return this.accountRemoves.observe(() -> this.store.removeAll(accountId));
	}

	@Override
	public List<TokenRecord> findByAccount(String accountId) {
		return this.accountFinds.observe(() -> this.store.findByAccount(accountId));
	}

	@Override
	public List<TokenRecord> findLiveByAccount(String accountId, Instant at, int max) {
		return this.accountFinds.observe(() -> this.store.findLiveByAccount(accountId, at, max));
	}

}
