package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Money;

/** Where a payment stands; derived from its amounts so that every reader derives it the same way. */
public enum PaymentStatus {
    AUTHORIZED, DECLINED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED;

    /** The status of an approved, not voided payment with these running totals. */
    public static PaymentStatus of(Money authorized, Money captured, Money refunded) {
        if (!refunded.isZero()) {
            return refunded.equals(captured) ? REFUNDED : PARTIALLY_REFUNDED;
        }
        if (!captured.isZero()) {
            return captured.equals(authorized) ? CAPTURED : PARTIALLY_CAPTURED;
        }
        return AUTHORIZED;
    }
}
