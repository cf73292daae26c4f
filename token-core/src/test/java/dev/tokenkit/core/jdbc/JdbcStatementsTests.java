package dev.tokenkit.core.jdbc;

import java.time.Duration;

import dev.tokenkit.core.StoreUnavailableException;
import dev.tokenkit.core.store.TokenHash;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdbcStatementsTests {

	@Test
	void queryWhenServerUnreachableThenStoreUnavailable() {
		PGSimpleDataSource unreachable = new PGSimpleDataSource();
		unreachable.setServerNames(new String[] { "127.0.0.1" });
		unreachable.setPortNumbers(new int[] { 1 });
		unreachable.setDatabaseName("test");
		unreachable.setConnectTimeout(1);
		JdbcStatements statements = new JdbcStatements(unreachable, Duration.ofSeconds(1));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> statements.query("SELECT 1", (statement) -> {
			}, (row) -> row.getInt(1)))
			.withMessage(StoreUnavailableException.MESSAGE)
			.satisfies((ex) -> assertThat(ex.getCause()).isNotNull());
		JdbcTokenStore store = JdbcTokenStore.builder(unreachable).build();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> store.find(TokenHash.of("x")));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> store.removeAll("acct-1"));
	}

}
