package io.ledgerline.domain.order;

import org.axonframework.serialization.Revision;

/** The order was cancelled; nothing more will happen to it. */
@Revision("1")
public record OrderCancelled(OrderId orderId, String reason) {
}
