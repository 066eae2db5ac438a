package io.ledgerline.domain.inventory;

import org.axonframework.serialization.Revision;

/** Goods arrived; {@code onHand} and {@code reserved} are the counts after this event. */
@Revision("1")
public record StockReceived(Sku sku, int quantity, int onHand, int reserved) {
}
