package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import org.axonframework.serialization.Revision;

/** Stock was promised to an order; {@code onHand} and {@code reserved} are the counts after this event. */
@Revision("1")
public record StockReserved(Sku sku, OrderId orderId, int quantity, int onHand, int reserved) {
}
