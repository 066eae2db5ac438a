package io.ledgerline.command.fulfilment;

import io.ledgerline.domain.fulfilment.OrderFulfilment;
import io.ledgerline.domain.order.OrderPlaced;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;

/**
 * Axon's saga manager for {@link OrderFulfilment}, except that an order the client drives itself
 * (placed without a payment-method token) never reaches the process.
 * <p>
 * The process would end at once for such an order. But before it could, Axon looks for an existing
 * process with the order's id in every segment of the processor, one association query each (four
 * per order placed, 1.3 statements per REST command in the benchmark's mix, docs/performance.md),
 * and creates a process only to end it. Here the processor passes the event by, as it passes by an
 * event the process has no handler for, and its token moves on as usual.
 */
final class FulfilmentSagaManager extends AnnotatedSagaManager<OrderFulfilment> {

    private FulfilmentSagaManager(Builder<OrderFulfilment> builder) {
        super(builder);
    }

    /** The manager as Axon's saga configuration would build it, with the repository it configured. */
    static FulfilmentSagaManager of(Configuration configuration) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return new FulfilmentSagaManager(AnnotatedSagaManager.<OrderFulfilment>builder()
                .sagaType(OrderFulfilment.class)
                .sagaRepository(processing.sagaConfiguration(OrderFulfilment.class).repository())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(OrderFulfilment.class))
                .listenerInvocationErrorHandler(processing.listenerInvocationErrorHandler(FulfilmentConfiguration.PROCESSING_GROUP))
                .spanFactory(configuration.getComponent(SagaManagerSpanFactory.class)));
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        if (OrderPlaced.class.equals(event.getPayloadType()) && !((OrderPlaced) event.getPayload()).fulfilledAutomatically()) {
            return false;
        }
        return super.canHandle(event, segment);
    }
}
