package io.ledgerline.query.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.domain.inventory.InventoryItem;
import io.ledgerline.domain.order.Order;
import io.ledgerline.domain.payment.Payment;
import io.ledgerline.infrastructure.serialization.MessageSerialization;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an aggregate as it stood at some point by replaying its events through the domain
 * model's own event-sourcing handlers (not from read tables), and shows its fields.
 */
@Component
class TimeTravel {

    private static final Map<String, Class<?>> AGGREGATES = Map.of(
            "InventoryItem", InventoryItem.class, "Order", Order.class, "Payment", Payment.class);
    private static final ObjectMapper FIELDS = MessageSerialization.messageObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    /**
     * Replay runs only the event-sourcing handlers; the command handlers' collaborators (the payment
     * gateway, the order owners) do not exist on the query side and are never asked for.
     */
    private static final ParameterResolverFactory REPLAY_ONLY = new MultiParameterResolverFactory(
            ClasspathParameterResolverFactory.forClass(TimeTravel.class),
            (executable, parameters, index) -> new NotDuringReplay(parameters[index].getType()));

    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    /** The state after applying {@code events} (one aggregate's, in order) through its handlers. */
    JsonNode replay(String aggregateType, List<? extends DomainEventMessage<?>> events) {
        Class<?> type = AGGREGATES.get(aggregateType);
        if (type == null) {
            throw new IllegalStateException("No domain model for aggregate type " + aggregateType);
        }
        return FIELDS.valueToTree(apply(type, events));
    }

    private <T> T apply(Class<T> type, List<? extends DomainEventMessage<?>> events) {
        @SuppressWarnings("unchecked")
        AggregateModel<T> model = (AggregateModel<T>) models.computeIfAbsent(type,
                aggregate -> AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregate, REPLAY_ONLY));
        T aggregate = newInstance(type);
        for (DomainEventMessage<?> event : events) {
            model.publish(event, aggregate);
        }
        return aggregate;
    }

    /** Stands for a command handler's collaborator, which replay never calls for. */
    private record NotDuringReplay(Class<?> type) implements ParameterResolver<Object> {

        @Override
        public Object resolveParameterValue(Message<?> message) {
            throw new IllegalStateException(type.getSimpleName() + " is not available while replaying events");
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be instantiated for replay", e);
        }
    }
}
