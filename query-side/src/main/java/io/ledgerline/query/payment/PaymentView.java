package io.ledgerline.query.payment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ledgerline.infrastructure.openapi.ApiFormats;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One payment (and one CSV row); amounts are decimal strings, {@code version} the last event applied. */
@Schema(description = "One payment; fields that do not apply are left out")
@JsonPropertyOrder({"paymentId", "orderId", "customerId", "status", "currency", "authorized", "captured", "refunded",
        "declineReason", "paymentMethod", "createdAt", "updatedAt", "version"})
public record PaymentView(
        @Schema(description = "The payment id", example = ApiFormats.PAYMENT_EXAMPLE, requiredMode = Schema.RequiredMode.REQUIRED) String paymentId,
        @Schema(description = "The order it pays", example = ApiFormats.UUID_EXAMPLE, requiredMode = Schema.RequiredMode.REQUIRED) String orderId,
        @Schema(description = "The customer it belongs to; left out for a payment that belongs to no customer",
                example = "c-1") String customerId,
        @Schema(description = "The status", allowableValues = {"AUTHORIZED", "DECLINED", "PARTIALLY_CAPTURED", "CAPTURED",
                "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"}, example = "AUTHORIZED",
                requiredMode = Schema.RequiredMode.REQUIRED) String status,
        @Schema(description = "ISO 4217 code", pattern = ApiFormats.CURRENCY, example = "EUR",
                requiredMode = Schema.RequiredMode.REQUIRED) String currency,
        @Schema(description = "The amount authorized (zero if declined). " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                example = "39.98", requiredMode = Schema.RequiredMode.REQUIRED) String authorized,
        @Schema(description = "The amount captured so far. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                example = "0.00", requiredMode = Schema.RequiredMode.REQUIRED) String captured,
        @Schema(description = "The amount refunded so far. " + ApiFormats.AMOUNT_OUT_TEXT, pattern = ApiFormats.AMOUNT,
                example = "0.00", requiredMode = Schema.RequiredMode.REQUIRED) String refunded,
        @Schema(description = "Why the provider declined, for a `DECLINED` payment", example = "insufficient_funds") String declineReason,
        @Schema(description = "A masked hint of the payment-method token", example = "…sa") String paymentMethod,
        @Schema(description = "When it was authorized or declined", example = "2026-11-20T10:15:30.223344Z",
                requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
        @Schema(description = "When its last event happened", example = "2026-11-20T10:15:30.223344Z",
                requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt,
        @Schema(description = "The version of the last event applied", example = "0",
                requiredMode = Schema.RequiredMode.REQUIRED) long version) {
}
