package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import org.axonframework.serialization.Revision;

/** An order's reservation was given back; {@code onHand} and {@code reserved} are the counts after this event. */
@Revision("1")
public record ReservationReleased(Sku sku, OrderId orderId, int quantity, int onHand, int reserved) {
}
