package io.ledgerline.domain.fulfilment;

import io.ledgerline.domain.order.OrderId;

/** The payload of the payment timeout: the order whose payment outcome is overdue. */
public record PaymentDeadline(OrderId orderId) {
}
