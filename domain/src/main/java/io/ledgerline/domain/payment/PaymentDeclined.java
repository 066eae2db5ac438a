package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** The provider refused to authorize; the payment is closed. */
@Revision("1")
public record PaymentDeclined(PaymentId paymentId, OrderId orderId, Money amount, String reason,
                              String paymentMethod, CustomerId customerId) {

    public PaymentDeclined(PaymentId paymentId, OrderId orderId, Money amount, String reason, String paymentMethod) {
        this(paymentId, orderId, amount, reason, paymentMethod, null);
    }
}
