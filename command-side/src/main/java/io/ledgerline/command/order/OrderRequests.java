package io.ledgerline.command.order;

import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** The JSON bodies of the order endpoints. */
final class OrderRequests {

    private OrderRequests() {
    }

    /** Without {@code payment} the client fulfils the order step by step; with it, fulfilment is automatic. */
    @Schema(description = "A new order. With `payment` the system reserves, authorizes and confirms it by itself")
    record PlaceOrderRequest(
            @Schema(description = "The customer; for a client limited to one customer, its own id (otherwise 403)",
                    example = "c-1") @NotBlank @Size(max = 64) String customerId,
            @Schema(description = ApiFormats.CURRENCY_TEXT + "; every line is priced in it", pattern = ApiFormats.CURRENCY,
                    example = "EUR") @NotBlank String currency,
            @ArraySchema(arraySchema = @Schema(description = "1 to 100 lines; no SKU may appear on two lines (400 "
                    + "`invalid-value`, field `lines`)"), minItems = 1, maxItems = 100)
            @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LineRequest> lines,
            @Schema(description = "With it, the order is fulfilled automatically (`fulfilment: AUTOMATIC`)")
            @Valid PaymentRequest payment) {
    }

    @Schema(description = "How an automatically fulfilled order is paid")
    record PaymentRequest(
            @Schema(description = "The payment-method token the provider charges. The simulator declines "
                    + "`tok_decline_insufficient_funds`, `tok_decline_expired_card` and any other `tok_decline*`, and "
                    + "approves anything else", example = "tok_visa")
            @NotBlank @Size(max = 200) String paymentMethodToken) {
    }

    @Schema(description = "One line of an order")
    record LineRequest(
            @Schema(description = ApiFormats.SKU_TEXT, pattern = ApiFormats.SKU, maxLength = 64, example = "LAMP-1")
            @NotBlank String sku,
            @Schema(description = "Units ordered", example = "2", maximum = "2147483647") @NotNull @Positive Integer quantity,
            @Schema(description = "The price of one unit, 0 or more, in the order currency. " + ApiFormats.AMOUNT_TEXT,
                    type = "string", pattern = ApiFormats.AMOUNT, example = "19.99")
            @NotNull @PositiveOrZero BigDecimal unitPrice) {
    }

    @Schema(description = "Why the order is cancelled")
    record CancelOrderRequest(
            @Schema(description = "The reason, kept with the order", example = "customer changed their mind")
            @NotBlank @Size(max = 500) String reason) {
    }

    /** The aggregate written, the version it reached and, for a new order, how it is fulfilled. */
    @Schema(description = "The order written")
    record OrderWritten(
            @Schema(description = "The order id (a UUID the command side assigned)", example = ApiFormats.UUID_EXAMPLE,
                    requiredMode = Schema.RequiredMode.REQUIRED) String orderId,
            @Schema(description = "The order's version after the command (0 for a new order); also the `ETag`",
                    example = "1", requiredMode = Schema.RequiredMode.REQUIRED) long version,
            @Schema(description = "The global position of the event at that version; pass it as `minPosition` to the "
                    + "query side. With Axon Server, the newest position just after the command, which covers it.", example = "5321") Long position,
            @Schema(description = "For a new order only: who drives it on") Fulfilment fulfilment) {
    }

    /** Who drives a new order on: the fulfilment process, or the client. */
    @Schema(description = "`AUTOMATIC`: the system reserves, authorizes and confirms; `MANUAL`: the client drives each step")
    enum Fulfilment { AUTOMATIC, MANUAL }
}
