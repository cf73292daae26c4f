package dev.tokenkit.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * The donations made, per account, in memory. An account only ever reads its own.
 *
 * @since 0.1.0
 */
@Component
public class DonationLedger {

	private final Map<String, List<Donation>> byAccount = new ConcurrentHashMap<>();

	/**
	 * Records a donation.
	 *
	 * @param accountId the donor's account id
	 * @param donation the donation
	 */
	public void record(String accountId, Donation donation) {
		this.byAccount.computeIfAbsent(accountId, (id) -> new CopyOnWriteArrayList<>()).add(donation);
	}

	/**
	 * An account's donations, oldest first.
	 *
	 * @param accountId the account id
	 * @return its donations
	 */
	public List<Donation> of(String accountId) {
		return List.copyOf(this.byAccount.getOrDefault(accountId, List.of()));
	}

}
