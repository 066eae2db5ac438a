package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Takes some or all of the authorized amount; the captures together never exceed it. A
 * {@code captureId} makes the capture safe to redeliver: a second capture with the same id changes nothing.
 */
public record CapturePayment(@TargetAggregateIdentifier PaymentId paymentId, Money amount,
                             @TargetAggregateVersion Long expectedVersion, String captureId) {

    public CapturePayment {
        Require.present(paymentId, "paymentId");
        Require.present(amount, "amount");
        if (amount.isZero()) {
            throw new InvalidValueException("amount", "amount must be greater than zero");
        }
    }

    public CapturePayment(PaymentId paymentId, Money amount, Long expectedVersion) {
        this(paymentId, amount, expectedVersion, null);
    }

    public CapturePayment(PaymentId paymentId, Money amount) {
        this(paymentId, amount, null, null);
    }
}
