package io.ledgerline.domain.order;

import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * An order was placed; {@code total} is the sum of its line totals. A {@code paymentMethodToken}
 * (the provider's reference to the customer's payment method, never card data) asks for automatic
 * fulfilment; null means the client fulfils the order step by step.
 */
@Revision("1")
public record OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total,
                          String paymentMethodToken) {

    public OrderPlaced(OrderId orderId, CustomerId customerId, List<OrderLine> lines, Money total) {
        this(orderId, customerId, lines, total, null);
    }

    public boolean fulfilledAutomatically() {
        return paymentMethodToken != null;
    }
}
