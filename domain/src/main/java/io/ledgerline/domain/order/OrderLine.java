package io.ledgerline.domain.order;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;

/** One line of an order: so many units of one SKU at one unit price. */
public record OrderLine(Sku sku, int quantity, Money unitPrice) {

    public OrderLine {
        Require.present(sku, "sku");
        Require.positive(quantity, "quantity");
        Require.present(unitPrice, "unitPrice");
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
