package dev.tokenkit.sample;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One donation: which project and how much, in the body of {@code POST /api/secure/givingservice/donations}
 * ({@code {"project_id":"p-clean-water","amount":25}} or
 * {@code <donation><project_id>p-clean-water</project_id><amount>25</amount></donation>}).
 *
 * @param projectId the project's id
 * @param amount the amount: positive, at most {@link #MAX_AMOUNT}, with at most two decimals
 * @since 0.1.0
 */
public record Donation(@JsonProperty("project_id") String projectId, @JsonProperty("amount") BigDecimal amount) {

	/** The largest amount one donation may have. */
	public static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000);

	/**
	 * Checks the values.
	 *
	 * @param projectId the project's id
	 * @param amount the amount
	 */
	public Donation {
		Objects.requireNonNull(projectId, "project_id is required");
		Objects.requireNonNull(amount, "amount is required");
		if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("amount must be positive, at most 1000000, with at most 2 decimals");
		}
	}

}
