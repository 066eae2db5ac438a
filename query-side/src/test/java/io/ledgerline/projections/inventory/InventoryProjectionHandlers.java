package io.ledgerline.projections.inventory;

import io.ledgerline.domain.inventory.ProductRegistered;
import io.ledgerline.domain.inventory.StockReceived;
import io.ledgerline.domain.inventory.StockReserved;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/** Lets tests in other modules apply events to {@link InventoryProjection}, whose handlers are package-private. */
public final class InventoryProjectionHandlers {

    private final InventoryProjection projection;

    public InventoryProjectionHandlers(JdbcClient jdbc) {
        this.projection = new InventoryProjection(jdbc);
    }

    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof ProductRegistered registered) {
            projection.on(registered, sequence, at);
        } else if (event instanceof StockReceived received) {
            projection.on(received, sequence, at);
        } else if (event instanceof StockReserved reserved) {
            projection.on(reserved, sequence, at);
        } else {
            throw new IllegalArgumentException("InventoryProjection handler not wired for " + event.getClass().getSimpleName());
        }
    }
}
