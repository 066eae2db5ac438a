package io.ledgerline.query.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the audit API reads events from ({@value #SOURCE}): the event table in the JDBC mode
 * ({@link JdbcAuditEvents}), Axon's event store in Axon Server mode ({@link EventStoreAuditEvents}).
 * Every answer is in the stored form, so the hash chain can be checked on it.
 */
interface AuditEvents {

    /** {@code table} (the default) or {@code event-store} (set by the {@code axonserver} profile). */
    String SOURCE = "ledgerline.audit.source";

    /** One aggregate's events, oldest first; {@code upToSequence} bounds them (inclusive) when not null. */
    List<StoredEvent> stream(String aggregateId, Long upToSequence);

    /** Events after a global position (-1: from the first) matching a filter, in global order, at most {@code limit}. */
    List<StoredEvent> page(Filter filter, long afterPosition, int limit);

    /** Everything one client request caused, in global order. */
    List<StoredEvent> byCorrelation(String correlationId);

    /** Events in a range of positions (inclusive), streamed in global order; call inside a transaction. */
    void range(long from, long to, Consumer<Stream<StoredEvent>> consumer);

    /** Every event, aggregate by aggregate in sequence order, streamed; call inside a transaction. */
    void everyStream(Consumer<Stream<StoredEvent>> consumer);

    /** What the global stream is filtered by; a null member does not filter. */
    record Filter(Instant from, Instant to, String type, String aggregateType, String correlationId) {
    }
}
