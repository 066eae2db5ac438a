package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the provider to authorize an amount for an order. The token identifies the customer's
 * payment method at the provider; it is passed on but never stored in an event.
 */
public record AuthorizePayment(@TargetAggregateIdentifier PaymentId paymentId, OrderId orderId, Money amount,
                               String paymentMethodToken) {

    public AuthorizePayment {
        Require.present(paymentId, "paymentId");
        Require.present(orderId, "orderId");
        Require.present(amount, "amount");
        if (amount.isZero()) {
            throw new InvalidValueException("amount", "amount must be greater than zero");
        }
        Require.text(paymentMethodToken, "paymentMethodToken", 200);
    }

    @Override
    public String toString() {
        return "AuthorizePayment[paymentId=" + paymentId + ", orderId=" + orderId + ", amount=" + amount + "]";
    }
}
