package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes some or all of the authorized amount; the captures together never exceed it. */
public record CapturePayment(@TargetAggregateIdentifier PaymentId paymentId, Money amount,
                             @TargetAggregateVersion Long expectedVersion) {

    public CapturePayment {
        Require.present(paymentId, "paymentId");
        Require.present(amount, "amount");
        if (amount.isZero()) {
            throw new InvalidValueException("amount", "amount must be greater than zero");
        }
    }

    public CapturePayment(PaymentId paymentId, Money amount) {
        this(paymentId, amount, null);
    }
}
