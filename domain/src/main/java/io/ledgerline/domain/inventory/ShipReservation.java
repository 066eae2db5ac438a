package io.ledgerline.domain.inventory;

import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.shared.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes an order's reserved stock out of the warehouse: it leaves both on-hand and reserved. */
public record ShipReservation(@TargetAggregateIdentifier Sku sku, OrderId orderId,
                              @TargetAggregateVersion Long expectedVersion) {

    public ShipReservation {
        Require.present(sku, "sku");
        Require.present(orderId, "orderId");
    }

    public ShipReservation(Sku sku, OrderId orderId) {
        this(sku, orderId, null);
    }
}
