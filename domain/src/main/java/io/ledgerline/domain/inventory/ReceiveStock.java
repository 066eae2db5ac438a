package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Books goods that arrived into stock. */
public record ReceiveStock(@TargetAggregateIdentifier Sku sku, int quantity,
                           @TargetAggregateVersion Long expectedVersion) {

    public ReceiveStock {
        Require.present(sku, "sku");
        Require.positive(quantity, "quantity");
    }

    public ReceiveStock(Sku sku, int quantity) {
        this(sku, quantity, null);
    }
}
