package io.ledgerline.command.web;

import io.ledgerline.infrastructure.eventstore.EventStoreSchema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds where a write landed in the global event stream: the global position of an aggregate's
 * event at a version. Clients pass it to the query side to read their own writes.
 */
@Component
public class WritePositions {

    private final JdbcClient jdbc;

    public WritePositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The global position of the event at {@code version} of the aggregate, if it is stored. */
    public Long of(Object aggregateId, long version) {
        return jdbc.sql("SELECT global_index FROM " + EventStoreSchema.EVENT_TABLE
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(aggregateId.toString(), version)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
