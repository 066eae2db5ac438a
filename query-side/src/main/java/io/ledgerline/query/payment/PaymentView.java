package io.ledgerline.query.payment;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/** One payment (and one CSV row); amounts are decimal strings, {@code version} the last event applied. */
@JsonPropertyOrder({"paymentId", "orderId", "customerId", "status", "currency", "authorized", "captured", "refunded",
        "declineReason", "paymentMethod", "createdAt", "updatedAt", "version"})
public record PaymentView(String paymentId, String orderId, String customerId, String status, String currency, String authorized,
                          String captured, String refunded, String declineReason, String paymentMethod,
                          Instant createdAt, Instant updatedAt, long version) {
}
