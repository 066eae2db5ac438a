package io.ledgerline.query.audit;

import io.ledgerline.infrastructure.eventstore.EventStoreSchema;
import io.ledgerline.query.web.SqlFilter;
import org.axonframework.common.DateTimeUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The audit API's events in the JDBC mode: read-only SQL over the event table, in the orders an auditor needs. */
@Repository
@ConditionalOnProperty(name = AuditEvents.SOURCE, havingValue = "table", matchIfMissing = true)
class JdbcAuditEvents implements AuditEvents {

    private static final String SELECT = "SELECT " + StoredEvent.COLUMNS + " FROM " + EventStoreSchema.EVENT_TABLE;

    private final JdbcClient jdbc;

    JdbcAuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredEvent> stream(String aggregateId, Long upToSequence) {
        return jdbc.sql(SELECT + " WHERE aggregate_identifier = ? AND sequence_number <= ? ORDER BY sequence_number")
                .params(aggregateId, upToSequence == null ? Long.MAX_VALUE : upToSequence)
                .query(StoredEvent::map)
                .list();
    }

    @Override
    public List<StoredEvent> page(Filter criteria, long afterPosition, int limit) {
        SqlFilter filter = new SqlFilter()
                .add("time_stamp >= :from", "from", criteria.from() == null ? null : DateTimeUtils.formatInstant(criteria.from()))
                .add("time_stamp < :to", "to", criteria.to() == null ? null : DateTimeUtils.formatInstant(criteria.to()))
                .add("(payload_type = :type OR payload_type LIKE '%.' || :type)", "type", criteria.type())
                .add("type = :aggregateType", "aggregateType", criteria.aggregateType())
                .add("correlation_id = :correlationId", "correlationId", criteria.correlationId());
        filter.add("global_index > :after", "after", afterPosition);
        return jdbc.sql(SELECT + filter.where() + " ORDER BY global_index LIMIT " + limit)
                .params(filter.parameters())
                .query(StoredEvent::map)
                .list();
    }

    @Override
    public List<StoredEvent> byCorrelation(String correlationId) {
        return jdbc.sql(SELECT + " WHERE correlation_id = ? ORDER BY global_index")
                .param(correlationId)
                .query(StoredEvent::map)
                .list();
    }

    @Override
    public void range(long from, long to, Consumer<Stream<StoredEvent>> consumer) {
        try (Stream<StoredEvent> events = jdbc.sql(SELECT + " WHERE global_index BETWEEN ? AND ? ORDER BY global_index")
                .params(from, to)
                .query(StoredEvent::map)
                .stream()) {
            consumer.accept(events);
        }
    }

    @Override
    public void everyStream(Consumer<Stream<StoredEvent>> consumer) {
        try (Stream<StoredEvent> events = jdbc.sql(SELECT + " ORDER BY aggregate_identifier, sequence_number")
                .query(StoredEvent::map)
                .stream()) {
            consumer.accept(events);
        }
    }
}
