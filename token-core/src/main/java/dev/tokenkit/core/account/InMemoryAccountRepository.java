package dev.tokenkit.core.account;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An {@link AccountRepository} in memory, for tests, demos and apps with a handful of fixed accounts.
 *
 * @since 0.1.0
 */
public final class InMemoryAccountRepository implements AccountRepository {

	private final Map<String, StoredAccount> byId = new ConcurrentHashMap<>();

	/**
	 * Adds an account, or replaces the one with the same id.
	 *
	 * @param account the account with its secrets
	 * @throws IllegalArgumentException if another account already has its username or email address
	 */
	public synchronized void save(StoredAccount account) {
		Objects.requireNonNull(account, "account cannot be null");
		Account candidate = account.account();
		for (StoredAccount existing : this.byId.values()) {
			Account other = existing.account();
			if (!other.id().equals(candidate.id()) && (other.username().equals(candidate.username())
					|| (candidate.email() != null && other.isNamedBy(candidate.email())))) {
				throw new IllegalArgumentException("Another account already has this username or email address");
			}
		}
		this.byId.put(candidate.id(), account);
	}

	@Override
	public Optional<StoredAccount> findByLogin(String login) {
		Objects.requireNonNull(login, "login cannot be null");
		Optional<StoredAccount> byUsername = find((account) -> account.username().equals(login));
		if (byUsername.isPresent()) {
			return byUsername;
		}
		String email = login.toLowerCase(Locale.ROOT);
		return find((account) -> account.email() != null && account.email().toLowerCase(Locale.ROOT).equals(email));
	}

	private Optional<StoredAccount> find(Predicate<Account> test) {
		return this.byId.values().stream().filter((stored) -> test.test(stored.account())).findFirst();
	}

}
