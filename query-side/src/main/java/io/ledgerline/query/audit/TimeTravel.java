package io.ledgerline.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.domain.inventory.InventoryItem;
import io.ledgerline.domain.order.Order;
import io.ledgerline.domain.payment.Payment;
import io.ledgerline.infrastructure.audit.AggregateReplay;
import io.ledgerline.infrastructure.serialization.MessageSerialization;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Rebuilds an aggregate as it stood at some point by replaying its events through the domain
 * model's own event-sourcing handlers (not from read tables), and shows its fields.
 */
@Component
class TimeTravel {

    private static final Map<String, Class<?>> AGGREGATES = Map.of(
            "InventoryItem", InventoryItem.class, "Order", Order.class, "Payment", Payment.class);
    private static final ObjectMapper FIELDS = MessageSerialization.aggregateStateMapper();

    /** The state after applying {@code events} (one aggregate's, in order) through its handlers. */
    JsonNode replay(String aggregateType, List<? extends DomainEventMessage<?>> events) {
        Class<?> type = AGGREGATES.get(aggregateType);
        if (type == null) {
            throw new IllegalStateException("No domain model for aggregate type " + aggregateType);
        }
        return FIELDS.valueToTree(AggregateReplay.replay(type, events));
    }
}
