package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** One event as an auditor sees it: where it sits, what it is, its payload (after upcasting) and metadata. */
public record EventView(long position, String aggregateId, String aggregateType, long sequence, String eventId,
                        String type, String payloadType, String revision, String timestamp, JsonNode payload,
                        JsonNode metadata) {
}
