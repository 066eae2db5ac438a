package io.ledgerline.infrastructure.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Names of the event-store tables in the {@code events} schema. The command side creates them
 * (Flyway); the projections and the query side only read them.
 */
public final class EventStoreSchema {

    public static final String EVENT_TABLE = "events.domain_event_entry";
    public static final String SNAPSHOT_TABLE = "events.snapshot_event_entry";
    /** The unique constraint whose violation means another writer got to this sequence number first. */
    public static final String AGGREGATE_SEQUENCE_CONSTRAINT = "domain_event_entry_aggregate_sequence_uk";

    private EventStoreSchema() {
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
