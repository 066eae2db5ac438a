package io.ledgerline.domain.order;

import org.axonframework.serialization.Revision;

/** The order left the warehouse. */
@Revision("1")
public record OrderShipped(OrderId orderId) {
}
