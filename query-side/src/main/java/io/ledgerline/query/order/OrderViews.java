package io.ledgerline.query.order;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The shapes in which orders are served; amounts are decimal strings in the order currency. */
public final class OrderViews {

    private OrderViews() {
    }

    /** One order in a list (and one CSV row); {@code version} is the last event applied to it. */
    @Schema(description = "One order in a list")
    @JsonPropertyOrder({"orderId", "customerId", "status", "currency", "total", "lineCount", "placedAt", "updatedAt", "version"})
    public record OrderSummary(
            @Schema(description = "The order id", example = ApiFormats.UUID_EXAMPLE, requiredMode = Schema.RequiredMode.REQUIRED) String orderId,
            @Schema(description = "The customer", example = "c-1", requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
            @Schema(description = Views.ORDER_STATUS, allowableValues = {"PLACED", "CONFIRMED", "SHIPPED", "CANCELLED"},
                    example = "CONFIRMED", requiredMode = Schema.RequiredMode.REQUIRED) String status,
            @Schema(description = "ISO 4217 code", pattern = ApiFormats.CURRENCY, example = "EUR",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "The sum of the line totals. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                    example = "39.98", requiredMode = Schema.RequiredMode.REQUIRED) String total,
            @Schema(description = "How many lines the order has", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) int lineCount,
            @Schema(description = "When it was placed", example = "2026-11-20T10:15:30.123456Z",
                    requiredMode = Schema.RequiredMode.REQUIRED) Instant placedAt,
            @Schema(description = "When its last event happened", example = "2026-11-20T10:15:30.456789Z",
                    requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt,
            @Schema(description = Views.VERSION, example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long version) {
    }

    /** One order in full. */
    @Schema(description = "One order with its lines; fields that do not apply are left out")
    public record OrderDetail(
            @Schema(description = "The order id", example = ApiFormats.UUID_EXAMPLE, requiredMode = Schema.RequiredMode.REQUIRED) String orderId,
            @Schema(description = "The customer", example = "c-1", requiredMode = Schema.RequiredMode.REQUIRED) String customerId,
            @Schema(description = Views.ORDER_STATUS, allowableValues = {"PLACED", "CONFIRMED", "SHIPPED", "CANCELLED"},
                    example = "CONFIRMED", requiredMode = Schema.RequiredMode.REQUIRED) String status,
            @Schema(description = "ISO 4217 code", pattern = ApiFormats.CURRENCY, example = "EUR",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "The sum of the line totals. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                    example = "39.98", requiredMode = Schema.RequiredMode.REQUIRED) String total,
            @Schema(description = "The lines, in the order they were placed", requiredMode = Schema.RequiredMode.REQUIRED) List<Line> lines,
            @Schema(description = "Why it was cancelled, for a `CANCELLED` order", example = "customer changed their mind") String cancelReason,
            @Schema(description = "When it was placed", example = "2026-11-20T10:15:30.123456Z",
                    requiredMode = Schema.RequiredMode.REQUIRED) Instant placedAt,
            @Schema(description = "When it was confirmed", example = "2026-11-20T10:15:30.456789Z") Instant confirmedAt,
            @Schema(description = "When it was shipped", example = "2026-11-20T11:02:10.000001Z") Instant shippedAt,
            @Schema(description = "When it was cancelled", example = "2026-11-20T11:02:10.000001Z") Instant cancelledAt,
            @Schema(description = "When its last event happened", example = "2026-11-20T10:15:30.456789Z",
                    requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt,
            @Schema(description = Views.VERSION, example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long version) {
    }

    /** One line of an order. */
    @Schema(description = "One line of an order")
    public record Line(
            @Schema(description = "The SKU", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sku,
            @Schema(description = "Units ordered", example = "2", requiredMode = Schema.RequiredMode.REQUIRED) int quantity,
            @Schema(description = "The price of one unit. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                    example = "19.99", requiredMode = Schema.RequiredMode.REQUIRED) String unitPrice,
            @Schema(description = "Quantity times unit price. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                    example = "39.98", requiredMode = Schema.RequiredMode.REQUIRED) String lineTotal) {
    }

    /** Texts the order views share. */
    static final class Views {
        static final String ORDER_STATUS = "`PLACED`, `CONFIRMED`, `SHIPPED` or `CANCELLED`";
        static final String VERSION = "The version of the last event applied: the same number the command side answered "
                + "(pass it as `If-Match`)";

        private Views() {
        }
    }
}
