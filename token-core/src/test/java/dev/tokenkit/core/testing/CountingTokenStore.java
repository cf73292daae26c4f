package dev.tokenkit.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;
import org.jspecify.annotations.Nullable;

/** Wraps a real store and counts the calls made to it, to prove what a service did or did not ask of its store. */
public final class CountingTokenStore implements TokenStore {

	private final TokenStore delegate;

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicInteger writes = new AtomicInteger();

	private final AtomicInteger touches = new AtomicInteger();

	public CountingTokenStore(TokenStore delegate) {
		this.delegate = delegate;
	}

	public int reads() {
		return this.reads.get();
	}

	/** Saves, touches and removals. */
	public int writes() {
		return this.writes.get();
	}

	public int touches() {
		return this.touches.get();
	}

	public int calls() {
		return reads() + writes();
	}

	@Override
	public void save(TokenRecord record) {
		this.writes.incrementAndGet();
		this.delegate.save(record);
	}

	@Override
	public boolean saveIfAbsent(TokenRecord record) {
		this.writes.incrementAndGet();
		return this.delegate.saveIfAbsent(record);
	}

	@Override
	public @Nullable TokenRecord find(TokenHash hash) {
		this.reads.incrementAndGet();
		return this.delegate.find(hash);
	}

	@Override
	public void touch(TokenHash hash, Instant usedAt) {
		this.writes.incrementAndGet();
		this.touches.incrementAndGet();
		this.delegate.touch(hash, usedAt);
	}

	@Override
	public boolean remove(TokenHash hash) {
		this.writes.incrementAndGet();
		return this.delegate.remove(hash);
	}

	@Override
	public int removeAll(String accountId) {
		this.writes.incrementAndGet();
		return this.delegate.removeAll(accountId);
	}

	@Override
	public List<TokenRecord> findByAccount(String accountId) {
		this.reads.incrementAndGet();
		return this.delegate.findByAccount(accountId);
	}

	@Override
	public List<TokenRecord> findLiveByAccount(String accountId, Instant at, int max) {
		this.reads.incrementAndGet();
		return this.delegate.findLiveByAccount(accountId, at, max);
	}

}
