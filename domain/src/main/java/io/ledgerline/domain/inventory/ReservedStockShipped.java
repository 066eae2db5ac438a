package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import org.axonframework.serialization.Revision;

/** An order's reserved stock left the warehouse; {@code onHand} and {@code reserved} are the counts after it. */
@Revision("1")
public record ReservedStockShipped(Sku sku, OrderId orderId, int quantity, int onHand, int reserved) {
}
