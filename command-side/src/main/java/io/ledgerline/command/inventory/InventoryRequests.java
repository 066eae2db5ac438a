package io.ledgerline.command.inventory;

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

    record RegisterProductRequest(@NotBlank String sku, @NotBlank @Size(max = 200) String name,
                                  @NotNull @PositiveOrZero BigDecimal unitPrice, @NotBlank String currency) {
    }

    record ReceiveStockRequest(@NotNull @Positive Integer quantity) {
    }

    record ReserveStockRequest(@NotBlank String orderId, @NotNull @Positive Integer quantity) {
    }

    record AdjustStockRequest(@NotNull Integer delta, @NotBlank @Size(max = 500) String reason) {
    }

    /** The aggregate written and the version it reached. */
    record InventoryWritten(String sku, long version, Long position) {
    }
}
