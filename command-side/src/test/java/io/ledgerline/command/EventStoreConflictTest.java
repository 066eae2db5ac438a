package io.ledgerline.command;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.infrastructure.eventstore.PostgresPersistenceExceptionResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The duplicate-key check is made against what PostgreSQL really reports, not against messages. */
class EventStoreConflictTest extends CommandSideTest {

    @Autowired
    DataSource dataSource;

    private final PostgresPersistenceExceptionResolver resolver = new PostgresPersistenceExceptionResolver();

    @Test
    void aSecondEventAtTheSameSequenceIsADuplicateKey() throws Exception {
        String sku = registerProduct();
        SQLException duplicate = sqlFailure("""
                INSERT INTO events.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                VALUES ('%s', 0, 'InventoryItem', gen_random_uuid()::text, '\\x7b7d', 'x', '2026-01-01T00:00:00Z')"""
                .formatted(sku));

        assertThat(duplicate.getSQLState()).isEqualTo("23505");
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(duplicate))).isTrue();
    }

    @Test
    void aMissingTableIsNotMistakenForAConflict() throws Exception {
        SQLException missing = sqlFailure("INSERT INTO events.no_such_table VALUES (1)");

        assertThat(missing.getSQLState()).isEqualTo("42P01");
        assertThat(resolver.isDuplicateKeyViolation(missing)).isFalse();
    }

    private SQLException sqlFailure(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
        }
    }
}
