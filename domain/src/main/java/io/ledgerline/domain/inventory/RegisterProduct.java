package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.Money;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a product so that stock can be received and reserved for it. */
public record RegisterProduct(@TargetAggregateIdentifier Sku sku, String name, Money unitPrice) {

    public RegisterProduct {
        Require.present(sku, "sku");
        Require.text(name, "name", 200);
        Require.present(unitPrice, "unitPrice");
    }
}
