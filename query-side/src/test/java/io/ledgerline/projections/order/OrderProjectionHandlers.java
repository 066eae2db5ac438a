package io.ledgerline.projections.order;

import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderConfirmed;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

/** Lets tests in other modules apply events to {@link OrderProjection}, whose handlers are package-private. */
public final class OrderProjectionHandlers {

    private final OrderProjection projection;

    public OrderProjectionHandlers(JdbcClient jdbc) {
        this.projection = new OrderProjection(jdbc);
    }

    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof OrderPlaced placed) {
            projection.on(placed, sequence, at);
        } else if (event instanceof OrderConfirmed confirmed) {
            projection.on(confirmed, sequence, at);
        } else if (event instanceof OrderShipped shipped) {
            projection.on(shipped, sequence, at);
        } else if (event instanceof OrderCancelled cancelled) {
            projection.on(cancelled, sequence, at);
        } else {
            throw new IllegalArgumentException("OrderProjection does not handle " + event.getClass().getSimpleName());
        }
    }
}
