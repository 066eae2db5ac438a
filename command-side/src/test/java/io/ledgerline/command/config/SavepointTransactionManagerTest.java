package io.ledgerline.command.config;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.command.support.RecordedConnections;
import org.axonframework.common.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Units of work inside a caller's transaction, as a keyed request's command or a saga's batch
 * runs them: each in a savepoint, a failed one rolled back to it with the caller's transaction
 * still usable, a successful one kept until the caller commits, without a round trip to release it.
 */
class SavepointTransactionManagerTest extends CommandSideTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aFailedUnitOfWorkIsUndoneAloneAndTheOthersCommitWithTheCaller() {
        RecordedConnections connections = new RecordedConnections();
        DataSource recorded = connections.over(dataSource);
        DataSourceTransactionManager platform = new DataSourceTransactionManager(recorded);
        SavepointTransactionManager units = new SavepointTransactionManager(platform);
        JdbcTemplate jdbc = new JdbcTemplate(recorded);
        String principal = "savepoints-" + UUID.randomUUID();

        new TransactionTemplate(platform).executeWithoutResult(caller -> {
            jdbc.update("INSERT INTO events.idempotency_keys (principal, idempotency_key, request_hash) VALUES (?, 'caller', 'h')",
                    principal);
            Transaction first = units.startTransaction();
            key(jdbc, principal, "first");
            first.commit();
            Transaction second = units.startTransaction();
            key(jdbc, principal, "second");
            second.commit();
            Transaction failed = units.startTransaction();
            key(jdbc, principal, "failed");
            assertThatThrownBy(() -> key(jdbc, principal, "first")).isInstanceOf(DuplicateKeyException.class);
            failed.rollback();
            jdbc.update("UPDATE events.idempotency_keys SET response_status = 201 WHERE principal = ? AND idempotency_key = 'caller'",
                    principal);
        });

        List<String> stored = new JdbcTemplate(dataSource).queryForList(
                "SELECT idempotency_key FROM events.idempotency_keys WHERE principal = ? ORDER BY idempotency_key",
                String.class, principal);
        assertThat(stored).containsExactly("caller", "first", "second");
        assertThat(connections.calls()).filteredOn("setSavepoint"::equals).hasSize(3);
        assertThat(connections.calls()).filteredOn("rollbackToSavepoint"::equals).hasSize(1);
        assertThat(connections.calls()).filteredOn("commit"::equals).hasSize(1);
        assertThat(connections.calls()).filteredOn("releaseSavepoint"::equals)
                .as("only the failed unit's savepoint is released, after its rollback").hasSize(1);
    }

    @Test
    void aUnitOfWorkWithoutACallerCommitsItsOwnTransaction() {
        RecordedConnections connections = new RecordedConnections();
        DataSource recorded = connections.over(dataSource);
        SavepointTransactionManager units = new SavepointTransactionManager(new DataSourceTransactionManager(recorded));
        String principal = "savepoints-" + UUID.randomUUID();

        Transaction alone = units.startTransaction();
        key(new JdbcTemplate(recorded), principal, "alone");
        alone.commit();

        assertThat(new JdbcTemplate(dataSource).queryForList(
                "SELECT idempotency_key FROM events.idempotency_keys WHERE principal = ?", String.class, principal))
                .containsExactly("alone");
        assertThat(connections.calls()).contains("commit").doesNotContain("setSavepoint");
    }

    private static void key(JdbcTemplate jdbc, String principal, String key) {
        jdbc.update("INSERT INTO events.idempotency_keys (principal, idempotency_key, request_hash) VALUES (?, ?, 'h')",
                principal, key);
    }
}
