package io.ledgerline.command.order;

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
    record PlaceOrderRequest(@NotBlank @Size(max = 64) String customerId, @NotBlank String currency,
                             @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull LineRequest> lines,
                             @Valid PaymentRequest payment) {
    }

    record PaymentRequest(@NotBlank @Size(max = 200) String paymentMethodToken) {
    }

    record LineRequest(@NotBlank String sku, @NotNull @Positive Integer quantity,
                       @NotNull @PositiveOrZero BigDecimal unitPrice) {
    }

    record CancelOrderRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** The aggregate written, the version it reached and, for a new order, how it is fulfilled. */
    record OrderWritten(String orderId, long version, Long position, Fulfilment fulfilment) {
    }

    /** Who drives a new order on: the fulfilment process, or the client. */
    enum Fulfilment { AUTOMATIC, MANUAL }
}
