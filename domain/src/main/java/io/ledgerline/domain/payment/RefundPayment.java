package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives back some or all of the captured amount; the refunds together never exceed it. */
public record RefundPayment(@TargetAggregateIdentifier PaymentId paymentId, Money amount, String reason,
                            @TargetAggregateVersion Long expectedVersion) {

    public RefundPayment {
        Require.present(paymentId, "paymentId");
        Require.present(amount, "amount");
        if (amount.isZero()) {
            throw new InvalidValueException("amount", "amount must be greater than zero");
        }
        if (reason != null) {
            Require.text(reason, "reason", 500);
        }
    }

    public RefundPayment(PaymentId paymentId, Money amount, String reason) {
        this(paymentId, amount, reason, null);
    }
}
