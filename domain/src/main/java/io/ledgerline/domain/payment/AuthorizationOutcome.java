package io.ledgerline.domain.payment;

/** What an authorization request led to: AUTHORIZED, or DECLINED with the provider's reason. */
public record AuthorizationOutcome(PaymentId paymentId, PaymentStatus status, String declineReason, long version) {
}
