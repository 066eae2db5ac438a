package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Promises part of the available stock to one order. */
public record ReserveStock(@TargetAggregateIdentifier Sku sku, OrderId orderId, int quantity,
                           @TargetAggregateVersion Long expectedVersion) {

    public ReserveStock {
        Require.present(sku, "sku");
        Require.present(orderId, "orderId");
        Require.positive(quantity, "quantity");
    }

    public ReserveStock(Sku sku, OrderId orderId, int quantity) {
        this(sku, orderId, quantity, null);
    }
}
