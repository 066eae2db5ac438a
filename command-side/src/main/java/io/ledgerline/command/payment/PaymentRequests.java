package io.ledgerline.command.payment;

import io.ledgerline.domain.payment.PaymentStatus;
import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The JSON bodies of the payment endpoints. */
final class PaymentRequests {

    private PaymentRequests() {
    }

    private static final String AMOUNT = "Greater than 0. " + ApiFormats.AMOUNT_TEXT;

    @Schema(description = "An authorization: the provider is asked to hold the amount")
    record AuthorizePaymentRequest(
            @Schema(description = "The order paid for (not checked by the command side)", example = ApiFormats.UUID_EXAMPLE)
            @NotBlank @Size(max = 64) String orderId,
            @Schema(description = AMOUNT, type = "string", pattern = ApiFormats.AMOUNT, example = "39.98")
            @NotNull @Positive BigDecimal amount,
            @Schema(description = ApiFormats.CURRENCY_TEXT, pattern = ApiFormats.CURRENCY, example = "EUR")
            @NotBlank String currency,
            @Schema(description = "The payment-method token; the events keep only a masked hint. The simulator declines "
                    + "`tok_decline*` tokens and approves anything else", example = "tok_visa")
            @NotBlank @Size(max = 200) String paymentMethodToken) {
    }

    @Schema(description = "A capture of part or all of what remains authorized")
    record CapturePaymentRequest(
            @Schema(description = AMOUNT, type = "string", pattern = ApiFormats.AMOUNT, example = "39.98")
            @NotNull @Positive BigDecimal amount,
            @Schema(description = "The authorization's currency (otherwise 409 `currency-mismatch`)",
                    pattern = ApiFormats.CURRENCY, example = "EUR") @NotBlank String currency) {
    }

    @Schema(description = "A refund of part or all of what was captured")
    record RefundPaymentRequest(
            @Schema(description = AMOUNT, type = "string", pattern = ApiFormats.AMOUNT, example = "19.99")
            @NotNull @Positive BigDecimal amount,
            @Schema(description = "The authorization's currency (otherwise 409 `currency-mismatch`)",
                    pattern = ApiFormats.CURRENCY, example = "EUR") @NotBlank String currency,
            @Schema(description = "Why; if present, not blank", example = "returned by the customer")
            @Size(max = 500) String reason) {
    }

    @Schema(description = "Why the authorization is released")
    record VoidPaymentRequest(
            @Schema(description = "Why; if present, not blank", example = "order cancelled") @Size(max = 500) String reason) {
    }

    /** The payment written, its status after the command (and why, if declined), and the version it reached. */
    @Schema(description = "The payment created")
    record PaymentWritten(
            @Schema(description = "The payment id (a UUID the command side assigned)", example = ApiFormats.PAYMENT_EXAMPLE,
                    requiredMode = Schema.RequiredMode.REQUIRED) String paymentId,
            @Schema(description = "`AUTHORIZED` or `DECLINED`", requiredMode = Schema.RequiredMode.REQUIRED) PaymentStatus status,
            @Schema(description = "Why the provider declined, for a `DECLINED` payment",
                    example = "insufficient_funds") String declineReason,
            @Schema(description = "The payment's version (0); also the `ETag`", example = "0",
                    requiredMode = Schema.RequiredMode.REQUIRED) long version,
            @Schema(description = "The global position of the event at that version; pass it as `minPosition` to the "
                    + "query side. With Axon Server, the newest position just after the command, which covers it.", example = "5322") Long position) {
    }

    /** The payment written and the version it reached. */
    @Schema(description = "The payment written")
    record PaymentUpdated(
            @Schema(description = "The payment id", example = ApiFormats.PAYMENT_EXAMPLE,
                    requiredMode = Schema.RequiredMode.REQUIRED) String paymentId,
            @Schema(description = "The payment's version after the command; also the `ETag`", example = "1",
                    requiredMode = Schema.RequiredMode.REQUIRED) long version,
            @Schema(description = "The global position of the event at that version. With Axon Server, the newest position just after the command, which covers it.",
                    example = "5330") Long position) {
    }
}
