package io.ledgerline.domain.inventory;

import org.axonframework.serialization.Revision;

/** The on-hand count was corrected by {@code delta}; {@code onHand} and {@code reserved} are the counts after it. */
@Revision("1")
public record StockAdjusted(Sku sku, int delta, String reason, int onHand, int reserved) {
}
