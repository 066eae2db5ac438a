package io.ledgerline.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The JSON answers of the audit API (the NDJSON lines are written by hand, see {@link AuditController}). */
public final class AuditViews {

    private AuditViews() {
    }

    @Schema(description = "One aggregate's events, oldest first")
    public record StreamHistory(
            @Schema(description = "The aggregate id: a SKU, an order id or a payment id", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateId,
            @Schema(description = "The aggregate type", example = "InventoryItem", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateType,
            @Schema(description = "Its events in sequence order", requiredMode = Schema.RequiredMode.REQUIRED) List<EventView> events) {
    }

    @Schema(description = "An aggregate rebuilt from its events up to a version or an instant")
    public record AggregateState(
            @Schema(description = "The aggregate id", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateId,
            @Schema(description = "The aggregate type", example = "InventoryItem", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateType,
            @Schema(description = "The sequence of the last event applied", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long version,
            @Schema(description = "The timestamp of that event", example = "2026-11-20T10:15:30.345678Z", requiredMode = Schema.RequiredMode.REQUIRED) String asOf,
            @Schema(description = "The aggregate's fields after that event", types = "object", requiredMode = Schema.RequiredMode.REQUIRED) Object state) {
    }

    @Schema(description = "The result of re-walking one aggregate's hash chain")
    public record ChainCheck(
            @Schema(description = "The aggregate id", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateId,
            @Schema(description = "How many events were checked", example = "3", requiredMode = Schema.RequiredMode.REQUIRED) long eventsChecked,
            @Schema(description = "Whether every event matches its hash and links to its predecessor", example = "true", requiredMode = Schema.RequiredMode.REQUIRED)
            boolean valid,
            @Schema(description = "The first event that does not match; absent when valid") ChainFailure firstFailure) {
    }

    @Schema(description = "An event that breaks its aggregate's hash chain")
    public record ChainFailure(
            @Schema(description = "The aggregate id", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String aggregateId,
            @Schema(description = "The event's sequence in the aggregate", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long sequence,
            @Schema(description = "The event's global position; absent where the store does not tell it (Axon Server mode)",
                    example = "5321") Long position,
            @Schema(description = "The event id", example = "b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42", requiredMode = Schema.RequiredMode.REQUIRED) String eventId,
            @Schema(description = "What is wrong: `missing-event`, `unhashed`, `chain-broken` or `content-changed`, with "
                    + "an explanation", example = "content-changed: the stored content does not match its hash", requiredMode = Schema.RequiredMode.REQUIRED) String problem) {
    }

    @Schema(description = "A page of the global event stream")
    public record EventPage(
            @Schema(description = "The events in position order", requiredMode = Schema.RequiredMode.REQUIRED) List<EventView> items,
            @Schema(description = "Pass it as `after` for the next page; absent when the page is not full", example = "5321")
            Long next) {
    }

    @Schema(description = "Every event one request caused")
    public record Correlation(
            @Schema(description = "The correlation id: the request's `X-Request-Id`", example = "4bf92f3577b34da6a3ce929d0e0e4736", requiredMode = Schema.RequiredMode.REQUIRED)
            String correlationId,
            @Schema(description = "Its events in the order stored", requiredMode = Schema.RequiredMode.REQUIRED) List<EventView> events) {
    }
}
