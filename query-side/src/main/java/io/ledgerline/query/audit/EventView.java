package io.ledgerline.query.audit;

/**
 * One event as an auditor sees it: where it sits, what it is, its payload (after upcasting) and
 * metadata. Payload and metadata are plain maps and lists, so that any JSON mapper writes them as
 * they are stored (the web layer's Jackson 3 as well as the export's Jackson 2). The position is
 * null where the store does not tell it (an aggregate's history in Axon Server mode).
 */
public record EventView(Long position, String aggregateId, String aggregateType, long sequence, String eventId,
                        String type, String payloadType, String revision, String timestamp, Object payload,
                        Object metadata) {
}
