package io.ledgerline.command.audit;

import io.ledgerline.infrastructure.audit.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the current unit of work already knows of the head of each aggregate's hash chain: the
 * sequence number and hash of the last stored event it saw, because the aggregate was just loaded
 * from those events (or a cached aggregate was checked against its last stored event). The hash
 * chain then links a new event to its predecessor without reading the store again.
 * <p>
 * It lives in the root unit of work, so it never outlives the transaction that read it: a head
 * learned there is the store's as that transaction sees it, and a rolled-back append leaves nothing
 * behind. An aggregate loaded from a snapshot with no events after it has no known head, and the
 * chain reads the predecessor as before.
 */
public final class ChainHeads {

    private static final String RESOURCE = ChainHeads.class.getName();

    private ChainHeads() {
    }

    private record Head(long sequence, String hash) {
    }

    /** Notes a stored event of an aggregate being loaded, if it carries a hash (snapshots do not). */
    public static void loaded(DomainEventMessage<?> event) {
        Object hash = event.getMetaData().get(AuditMetadata.HASH);
        if (hash != null) {
            known(event.getAggregateIdentifier(), event.getSequenceNumber(), hash.toString());
        }
    }

    /** Notes that the last stored event of {@code aggregateId} has {@code sequence} and {@code hash}. */
    public static void known(String aggregateId, long sequence, String hash) {
        if (CurrentUnitOfWork.isStarted()) {
            heads().put(aggregateId, new Head(sequence, hash));
        }
    }

    /** The hash of the stored event just before {@code event}, if this unit of work has seen it. */
    static Optional<String> hashBefore(DomainEventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Head head = heads().get(event.getAggregateIdentifier());
        return head != null && head.sequence() == event.getSequenceNumber() - 1
                ? Optional.of(head.hash()) : Optional.empty();
    }

    private static Map<String, Head> heads() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new HashMap<>());
    }
}
