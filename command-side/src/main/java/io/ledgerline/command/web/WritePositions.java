package io.ledgerline.command.web;

import io.ledgerline.infrastructure.eventstore.AppendedPositions;
import io.ledgerline.infrastructure.eventstore.EventStoreSchema;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds where a write landed in the global event stream, for clients to pass to the query side
 * ({@code minPosition}) to read their own writes.
 * <ul>
 *   <li>JDBC mode: the global position of the aggregate's event at the version: as the insert returned
 *       it to this request ({@link AppendedPositions}), or else from the event table.</li>
 *   <li>Axon Server mode: Axon Server answers an aggregate's events without their positions, so the
 *       answer is the position of the newest event in the store, asked for once the command has
 *       returned. The write is at or before it, so waiting for it covers the write; it may also
 *       wait for events others appended in the meantime.</li>
 * </ul>
 */
@Component
public class WritePositions {

    private final JdbcClient jdbc;
    private final Supplier<EventStore> events;
    private final boolean fromHead;

    @Autowired
    public WritePositions(JdbcClient jdbc, ObjectProvider<EventStore> events,
                          @Value("${axon.axonserver.enabled:false}") boolean axonServer) {
        this(jdbc, events::getObject, axonServer);
    }

    /** @param fromHead answer with the store's newest position instead of looking the event up */
    WritePositions(JdbcClient jdbc, Supplier<EventStore> events, boolean fromHead) {
        this.jdbc = jdbc;
        this.events = events;
        this.fromHead = fromHead;
    }

    /** A position that covers the aggregate's event at {@code version}, if there is one. */
    public Long of(Object aggregateId, long version) {
        if (fromHead) {
            TrackingToken head = events.get().createHeadToken();
            return head == null || head.position().isEmpty() ? null : head.position().getAsLong();
        }
        Optional<Long> appended = AppendedPositions.ofThisRequest(aggregateId.toString(), version);
        if (appended.isPresent()) {
            return appended.get();
        }
        return jdbc.sql("SELECT global_index FROM " + EventStoreSchema.EVENT_TABLE
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(aggregateId.toString(), version)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
