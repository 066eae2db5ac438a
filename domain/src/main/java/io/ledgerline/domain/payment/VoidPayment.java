package io.ledgerline.domain.payment;

import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Releases an authorization before anything was captured. */
public record VoidPayment(@TargetAggregateIdentifier PaymentId paymentId, String reason,
                          @TargetAggregateVersion Long expectedVersion) {

    public VoidPayment {
        Require.present(paymentId, "paymentId");
        if (reason != null) {
            Require.text(reason, "reason", 500);
        }
    }

    public VoidPayment(PaymentId paymentId, String reason) {
        this(paymentId, reason, null);
    }
}
