package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.Money;

/** A refund would give back more than was captured and not yet refunded. */
public class RefundExceedsCaptured extends BusinessRuleViolation {

    public RefundExceedsCaptured(Money requested, Money refundable) {
        super("Cannot refund " + requested + ": only " + refundable + " is refundable");
    }

    @Override
    public String code() {
        return "refund-exceeds-captured";
    }
}
