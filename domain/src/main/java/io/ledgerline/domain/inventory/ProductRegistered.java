package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** A product now exists, with no stock. */
@Revision("1")
public record ProductRegistered(Sku sku, String name, Money unitPrice) {
}
