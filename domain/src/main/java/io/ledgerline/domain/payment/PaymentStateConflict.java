package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.BusinessRuleViolation;

/** The payment's status does not allow the requested operation (voiding after a capture, say). */
public class PaymentStateConflict extends BusinessRuleViolation {

    public PaymentStateConflict(PaymentId paymentId, PaymentStatus status, String action) {
        super("Payment " + paymentId + " is " + status + " and cannot be " + action);
    }

    @Override
    public String code() {
        return "payment-state-conflict";
    }
}
