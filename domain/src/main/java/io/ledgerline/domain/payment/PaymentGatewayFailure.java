package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.BusinessRuleViolation;

/** The payment provider refused an operation on an existing authorization. */
public class PaymentGatewayFailure extends BusinessRuleViolation {

    public PaymentGatewayFailure(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "payment-provider-refused";
    }
}
