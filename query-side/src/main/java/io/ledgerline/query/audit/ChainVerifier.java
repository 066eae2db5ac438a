package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.infrastructure.audit.AuditMetadata;
import io.ledgerline.infrastructure.audit.EventHash;

/**
 * Re-walks one aggregate's events and finds the first that no longer matches: its content does not
 * hash to its stored hash, its link does not name its predecessor's hash, or a sequence number is
 * missing. Feed it one aggregate's events in sequence order; {@link #reset()} between aggregates.
 */
final class ChainVerifier {

    private String aggregateId;
    private String expectedPrevious = EventHash.GENESIS;
    private long expectedSequence;
    private long checked;
    private AuditViews.ChainFailure failure;

    /** Checks the next event; returns the failure it reveals, or null. Only the first failure is kept. */
    AuditViews.ChainFailure check(StoredEvent event) {
        if (!event.aggregateId().equals(aggregateId)) {
            reset();
            aggregateId = event.aggregateId();
        }
        checked++;
        if (failure != null) {
            return null;
        }
        JsonNode metadata = EventDecoder.json(event.metadata());
        String storedHash = metadata.path(AuditMetadata.HASH).asText(null);
        String storedPrevious = metadata.path(AuditMetadata.PREVIOUS_HASH).asText(null);
        String problem = null;
        if (event.sequence() != expectedSequence) {
            problem = "missing-event: expected sequence " + expectedSequence;
        } else if (storedHash == null || storedPrevious == null) {
            problem = "unhashed: the event carries no hash";
        } else if (!storedPrevious.equals(expectedPrevious)) {
            problem = "chain-broken: previousHash does not match the hash of the event before";
        } else if (!EventHash.of(event.hashContent(), storedPrevious).equals(storedHash)) {
            problem = "content-changed: the stored content does not match its hash";
        }
        expectedSequence = event.sequence() + 1;
        expectedPrevious = storedHash == null ? "" : storedHash;
        if (problem == null) {
            return null;
        }
        failure = new AuditViews.ChainFailure(event.aggregateId(), event.sequence(), event.position(), event.eventId(), problem);
        return failure;
    }

    void reset() {
        aggregateId = null;
        expectedPrevious = EventHash.GENESIS;
        expectedSequence = 0;
        failure = null;
    }

    long checked() {
        return checked;
    }

    AuditViews.ChainFailure failure() {
        return failure;
    }
}
