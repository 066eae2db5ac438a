package io.ledgerline.query.audit;

import io.ledgerline.infrastructure.audit.EventHash;
import io.ledgerline.infrastructure.audit.RecordedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One event as stored: the raw material of every audit answer. The position is null where the
 * store does not tell it (an aggregate's events read from Axon Server).
 */
record StoredEvent(Long position, String aggregateId, String aggregateType, long sequence, String eventId,
                   String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metadata) {

    static final String COLUMNS = """
            global_index, aggregate_identifier, type, sequence_number, event_identifier, payload_type,
            payload_revision, time_stamp, payload, meta_data""";

    static StoredEvent map(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("aggregate_identifier"), rs.getString("type"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("payload_type"),
                rs.getString("payload_revision"), rs.getString("time_stamp"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }

    static StoredEvent of(RecordedEvent event) {
        return new StoredEvent(event.position(), event.aggregateId(), event.aggregateType(), event.sequence(),
                event.eventId(), event.payloadType(), event.payloadRevision(), event.timestamp(), event.payload(),
                event.metadata());
    }

    GenericDomainEventEntry<byte[]> entry() {
        return new GenericDomainEventEntry<>(aggregateType, aggregateId, sequence, eventId, timestamp, payloadType,
                payloadRevision, payload, metadata);
    }

    EventHash.Content hashContent() {
        return new EventHash.Content(aggregateId, aggregateType, sequence, eventId, payloadType, payloadRevision,
                DateTimeUtils.parseInstant(timestamp).toEpochMilli(), payload, metadata);
    }
}
