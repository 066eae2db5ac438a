package io.ledgerline.query.audit;

import io.ledgerline.infrastructure.eventstore.EventStoreSchema;
import io.ledgerline.query.web.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Read-only SQL over the event store table, in the orders an auditor needs. */
@Repository
class AuditEventStore {

    private static final String SELECT = "SELECT " + StoredEvent.COLUMNS + " FROM " + EventStoreSchema.EVENT_TABLE;

    private final JdbcClient jdbc;

    AuditEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One aggregate's events, oldest first; {@code upToSequence} bounds them (inclusive) when not null. */
    List<StoredEvent> stream(String aggregateId, Long upToSequence) {
        return jdbc.sql(SELECT + " WHERE aggregate_identifier = ? AND sequence_number <= ? ORDER BY sequence_number")
                .params(aggregateId, upToSequence == null ? Long.MAX_VALUE : upToSequence)
                .query(StoredEvent::map)
                .list();
    }

    /** Events after a global position matching a filter, in global order, at most {@code limit}. */
    List<StoredEvent> page(SqlFilter filter, long afterPosition, int limit) {
        filter.add("global_index > :after", "after", afterPosition);
        return jdbc.sql(SELECT + filter.where() + " ORDER BY global_index LIMIT " + limit)
                .params(filter.parameters())
                .query(StoredEvent::map)
                .list();
    }

    List<StoredEvent> byCorrelation(String correlationId) {
        return jdbc.sql(SELECT + " WHERE correlation_id = ? ORDER BY global_index")
                .param(correlationId)
                .query(StoredEvent::map)
                .list();
    }

    /** Events in a range of positions (inclusive), streamed in global order; call inside a transaction. */
    void range(long from, long to, Consumer<Stream<StoredEvent>> consumer) {
        try (Stream<StoredEvent> events = jdbc.sql(SELECT + " WHERE global_index BETWEEN ? AND ? ORDER BY global_index")
                .params(from, to)
                .query(StoredEvent::map)
                .stream()) {
            consumer.accept(events);
        }
    }

    /** Every event, aggregate by aggregate in sequence order, streamed; call inside a transaction. */
    void everyStream(Consumer<Stream<StoredEvent>> consumer) {
        try (Stream<StoredEvent> events = jdbc.sql(SELECT + " ORDER BY aggregate_identifier, sequence_number")
                .query(StoredEvent::map)
                .stream()) {
            consumer.accept(events);
        }
    }
}
