package io.ledgerline.domain.order;

import org.axonframework.serialization.Revision;

/** The order is confirmed and may now be shipped. */
@Revision("1")
public record OrderConfirmed(OrderId orderId) {
}
