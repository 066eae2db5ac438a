package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the provider to authorize an amount for an order. The token identifies the customer's
 * payment method at the provider; it is passed on but never stored in an event. The customer, when
 * known, owns the payment: a customer-scoped caller may only touch its own payments.
 */
public record AuthorizePayment(@TargetAggregateIdentifier PaymentId paymentId, OrderId orderId, Money amount,
                               String paymentMethodToken, CustomerId customerId) {

    public AuthorizePayment {
        Require.present(paymentId, "paymentId");
        Require.present(orderId, "orderId");
        Require.present(amount, "amount");
        if (amount.isZero()) {
            throw new InvalidValueException("amount", "amount must be greater than zero");
        }
        Require.text(paymentMethodToken, "paymentMethodToken", 200);
    }

    /** A payment not tied to a customer (requested by the back office). */
    public AuthorizePayment(PaymentId paymentId, OrderId orderId, Money amount, String paymentMethodToken) {
        this(paymentId, orderId, amount, paymentMethodToken, null);
    }

    @Override
    public String toString() {
        return "AuthorizePayment[paymentId=" + paymentId + ", orderId=" + orderId + ", amount=" + amount + "]";
    }
}
