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
 * @param amount the amount, positive
 * @since 0.1.0
 */
public record Donation(@JsonProperty("project_id") String projectId, @JsonProperty("amount") BigDecimal amount) {

	/**
	 * Checks the values.
	 *
	 * @param projectId the project's id
	 * @param amount the amount
	 */
	public Donation {
		Objects.requireNonNull(projectId, "project_id is required");
		Objects.requireNonNull(amount, "amount is required");
		if (amount.signum() <= 0) {
			throw new IllegalArgumentException("amount must be positive");
		}
	}

}
