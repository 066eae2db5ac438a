package io.ledgerline.projections.sales;

import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderPlaced;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/** Lets tests in other modules apply events to {@link SalesProjection}, whose handlers are package-private. */
public final class SalesProjectionHandlers {

    private final SalesProjection projection;

    public SalesProjectionHandlers(JdbcClient jdbc) {
        this.projection = new SalesProjection(jdbc);
    }

    /** Applies the events the sales projection handles and ignores the others, as its processing group does. */
    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof OrderPlaced placed) {
            projection.on(placed, sequence, at);
        } else if (event instanceof OrderCancelled cancelled) {
            projection.on(cancelled, sequence);
        }
    }
}
