package io.ledgerline.command.order;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderOwners;
import io.ledgerline.domain.order.OrderPlaced;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * An order's customer, read from the first event of its stream ({@link OrderPlaced}). The owner of
 * an order never changes, so a found answer is kept in a bounded cache; an order not found yet is
 * asked again next time, since it may be placed meanwhile.
 */
@Component
public class EventStoreOrderOwners implements OrderOwners {

    private final EventStore events;
    private final Cache<OrderId, CustomerId> owners = Caffeine.newBuilder().maximumSize(100_000).build();

    public EventStoreOrderOwners(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<CustomerId> customerOf(OrderId orderId) {
        CustomerId known = owners.getIfPresent(orderId);
        if (known != null) {
            return Optional.of(known);
        }
        DomainEventStream stream = events.readEvents(orderId.value(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        if (!(first.getPayload() instanceof OrderPlaced placed)) {
            return Optional.empty(); // the id names an aggregate that is not an order
        }
        owners.put(orderId, placed.customerId());
        return Optional.of(placed.customerId());
    }
}
