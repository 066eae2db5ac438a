package io.ledgerline.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event as an auditor sees it: where it sits, what it is, its payload (after upcasting) and
 * metadata. Payload and metadata are plain maps and lists, so that any JSON mapper writes them as
 * they are stored (the web layer's Jackson 3 as well as the export's Jackson 2). The position is
 * null where the store does not tell it (an aggregate's history in Axon Server mode).
 */
@Schema(description = "One stored event")
public record EventView(
        @Schema(description = "The global position in the event store; absent where the store does not tell it (an "
                + "aggregate's history in Axon Server mode)", example = "5321") Long position,
        @Schema(description = "The aggregate id", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateId,
        @Schema(description = "The aggregate type", example = "InventoryItem", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateType,
        @Schema(description = "The sequence in the aggregate (its version after this event)", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long sequence,
        @Schema(description = "The event id", example = "b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42", requiredMode = Schema.RequiredMode.REQUIRED) String eventId,
        @Schema(description = "The short event type", example = "StockReceived", requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "The full payload type", example = "io.ledgerline.domain.inventory.StockReceived", requiredMode = Schema.RequiredMode.REQUIRED) String payloadType,
        @Schema(description = "The payload revision, if any", example = "1") String revision,
        @Schema(description = "When the command side recorded it, ISO-8601 UTC", example = "2026-11-20T10:15:30.345678Z", requiredMode = Schema.RequiredMode.REQUIRED)
        String timestamp,
        @Schema(description = "The event's fields, after upcasting", types = "object", requiredMode = Schema.RequiredMode.REQUIRED) Object payload,
        @Schema(description = "Who caused it and how: subject, request and correlation ids, trace context, hash chain",
                types = "object", requiredMode = Schema.RequiredMode.REQUIRED) Object metadata) {
}
