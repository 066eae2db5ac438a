package io.ledgerline.domain.payment;

import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** The provider holds {@code amount} for the order; {@code paymentMethod} is a masked hint, never the token. */
@Revision("1")
public record PaymentAuthorized(PaymentId paymentId, OrderId orderId, Money amount, String authorizationReference,
                                String paymentMethod, CustomerId customerId) {

    public PaymentAuthorized(PaymentId paymentId, OrderId orderId, Money amount, String authorizationReference,
                             String paymentMethod) {
        this(paymentId, orderId, amount, authorizationReference, paymentMethod, null);
    }
}
