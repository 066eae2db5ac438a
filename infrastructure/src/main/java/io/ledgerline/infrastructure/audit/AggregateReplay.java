package io.ledgerline.infrastructure.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds an aggregate from its events through the domain model's own event-sourcing handlers,
 * outside any repository: for the audit API's time travel, and to check a snapshot against the
 * events it stands for.
 */
public final class AggregateReplay {

    /**
     * Replay runs only the event-sourcing handlers; the command handlers' collaborators (the payment
     * gateway, the order owners) need not exist where this runs and are never asked for.
     */
    private static final ParameterResolverFactory REPLAY_ONLY = new MultiParameterResolverFactory(
            ClasspathParameterResolverFactory.forClass(AggregateReplay.class),
            (executable, parameters, index) -> new NotDuringReplay(parameters[index].getType()));

    private static final Map<Class<?>, AggregateModel<?>> MODELS = new ConcurrentHashMap<>();

    private AggregateReplay() {
    }

    /** The aggregate after applying {@code events} (one aggregate's, in order). */
    public static <T> T replay(Class<T> type, Iterable<? extends DomainEventMessage<?>> events) {
        @SuppressWarnings("unchecked")
        AggregateModel<T> model = (AggregateModel<T>) MODELS.computeIfAbsent(type,
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
