package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Require;

import java.util.UUID;

/** The identity of a payment, assigned by the system when authorization is requested. */
public record PaymentId(String value) {

    public PaymentId {
        Require.text(value, "paymentId", 64);
    }

    public static PaymentId generate() {
        return new PaymentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
