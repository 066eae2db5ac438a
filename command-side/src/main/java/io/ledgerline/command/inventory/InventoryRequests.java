package io.ledgerline.command.inventory;

import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The JSON bodies of the inventory endpoints. */
final class InventoryRequests {

    private InventoryRequests() {
    }

    @Schema(description = "A new product, with zero stock")
    record RegisterProductRequest(
            @Schema(description = ApiFormats.SKU_TEXT, pattern = ApiFormats.SKU, maxLength = 64, example = "LAMP-1")
            @NotBlank String sku,
            @Schema(description = "The product's name", example = "Desk lamp") @NotBlank @Size(max = 200) String name,
            @Schema(description = "The list price, 0 or more, for information only (orders carry their own prices). "
                    + ApiFormats.AMOUNT_TEXT, type = "string", pattern = ApiFormats.AMOUNT, example = "19.99")
            @NotNull @PositiveOrZero BigDecimal unitPrice,
            @Schema(description = ApiFormats.CURRENCY_TEXT, pattern = ApiFormats.CURRENCY, example = "EUR")
            @NotBlank String currency) {
    }

    @Schema(description = "Stock that arrived")
    record ReceiveStockRequest(
            @Schema(description = "How many units arrived", example = "10", maximum = "2147483647")
            @NotNull @Positive Integer quantity) {
    }

    @Schema(description = "Stock promised to one order; an order holds at most one reservation per SKU")
    record ReserveStockRequest(
            @Schema(description = "The order the stock is for (for a client, one of its own orders)", maxLength = 64,
                    example = ApiFormats.UUID_EXAMPLE)
            @NotBlank String orderId,
            @Schema(description = "How many units to reserve", example = "2", maximum = "2147483647")
            @NotNull @Positive Integer quantity) {
    }

    @Schema(description = "A correction of on-hand stock, after a stock take or a loss")
    record AdjustStockRequest(
            @Schema(description = "The change, not 0; negative to reduce stock", example = "-1")
            @NotNull Integer delta,
            @Schema(description = "Why the stock changed", example = "broken in the warehouse")
            @NotBlank @Size(max = 500) String reason) {
    }

    /** The aggregate written and the version it reached. */
    @Schema(description = "The inventory item written")
    record InventoryWritten(
            @Schema(description = "The SKU", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sku,
            @Schema(description = "The item's version after the command (0 for a new item); also the `ETag`",
                    example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long version,
            @Schema(description = "The global position of the event at that version; pass it as `minPosition` to the "
                    + "query side. With Axon Server, the newest position just after the command, which covers it.", example = "5321") Long position) {
    }
}
