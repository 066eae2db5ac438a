package io.ledgerline.command.config;

import io.ledgerline.infrastructure.eventstore.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/**
 * The last stored event of an aggregate: its sequence number and its hash, in one indexed lookup
 * (the unique key on aggregate and sequence), inside the command's transaction.
 */
final class StoredHeads {

    private static final String LAST = "SELECT sequence_number, convert_from(meta_data, 'UTF8')::jsonb ->> 'hash' FROM "
            + EventStoreSchema.EVENT_TABLE + " WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1";

    /** @param hash null for an event stored before the hash chain existed */
    record Head(long sequence, String hash) {
    }

    private final JdbcTemplate jdbc;

    StoredHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Head> last(String aggregateIdentifier) {
        List<Head> heads = jdbc.query(LAST, (row, i) -> new Head(row.getLong(1), row.getString(2)), aggregateIdentifier);
        return heads.stream().findFirst();
    }
}
