package dev.tokenkit.core.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import dev.tokenkit.core.IssuedToken;
import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.TokenPolicy;
import dev.tokenkit.core.opaque.OpaqueTokenService;
import dev.tokenkit.core.store.TokenHash;
import dev.tokenkit.core.store.TokenRecord;
import dev.tokenkit.core.store.TokenStore;
import dev.tokenkit.core.store.TokenStoreContractTests;
import dev.tokenkit.core.testing.MutableClock;
import dev.tokenkit.core.testing.TestAccounts;
import dev.tokenkit.core.testing.TestJdbcStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The store contract plus what only the JDBC store does, run on each database by a subclass. */
abstract class JdbcTokenStoreContractTests extends TokenStoreContractTests {

	private TestJdbcStore jdbc;

	private HikariDataSource dataSource;

	/** A pooled data source on an empty database. */
	protected abstract HikariDataSource createDataSource();

	@Override
	protected TokenStore createStore(MutableClock clock) {
		this.jdbc = TestJdbcStore.on(createDataSource(), clock);
		this.dataSource = this.jdbc.dataSource();
		return this.jdbc.store();
	}

	@AfterEach
	void closeDataSource() {
		if (this.jdbc != null) {
			this.jdbc.close();
		}
	}

	@Test
	void purgeExpiredWhenSomeExpiredThenDeletesOnlyThose() {
		this.store.save(record("old", "acct-1", this.clock.instant()));
		this.clock.advance(Duration.ofMinutes(20));
		this.store.save(record("new", "acct-1", this.clock.instant()));
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(((JdbcTokenStore) this.store).purgeExpired()).isEqualTo(1);
		assertThat(this.store.find(TokenHash.of("old"))).isNull();
		assertThat(this.store.find(TokenHash.of("new"))).isNotNull();
	}

	@Test
	void saveThenNoColumnHoldsTheTokenText() throws SQLException {
		OpaqueTokenService service = OpaqueTokenService.builder(this.store).clock(this.clock).build();
		IssuedToken token = service.issue(TestAccounts.alice(), TokenPolicy.ofIdle(Duration.ofMinutes(30)));
		List<String> cells = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM tk_tokens")) {
			while (rows.next()) {
				for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
					cells.add(String.valueOf(rows.getObject(column)));
				}
			}
		}
		assertThat(cells).isNotEmpty().noneMatch((cell) -> cell.contains(token.value()));
		assertThat(cells).contains(TokenHash.of(token.value()).toHex());
	}

	@Test
	void touchWhenRowLockedLongerThanQueryTimeoutThenStoreUnavailable() throws SQLException {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		TokenStore impatient = JdbcTokenStore.builder(this.dataSource).queryTimeout(Duration.ofSeconds(1)).build();
		try (Connection locker = this.dataSource.getConnection()) {
			locker.setAutoCommit(false);
			try (Statement statement = locker.createStatement()) {
				statement.executeQuery("SELECT * FROM tk_tokens FOR UPDATE").close();
				assertThatExceptionOfType(StoreUnavailableException.class)
					.isThrownBy(() -> impatient.touch(record.hash(), this.clock.instant().plusSeconds(61)))
					.withMessage(StoreUnavailableException.MESSAGE);
			}
			finally {
				locker.rollback();
			}
		}
	}

	@Test
	void saveWhenHashAlreadyStoredThenIllegalStateWithoutRowValues() {
		TokenRecord record = record("token-1", "acct-1", this.clock.instant());
		this.store.save(record);
		assertThatIllegalStateException().isThrownBy(() -> this.store.save(record))
			.withMessageContaining("SQL state")
			.withMessageNotContaining(record.hash().toHex())
			.withNoCause();
	}

}
