package io.ledgerline.command.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/** Counts the events appended, by type, once their transaction commits ({@code ledgerline.events.appended}). */
class EventMetrics implements MessageDispatchInterceptor<EventMessage<?>> {

    private final MeterRegistry meters;

    EventMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Counter counter = Counter.builder("ledgerline.events.appended").description("events appended to the store")
                    .tag("type", event.getPayloadType().getSimpleName()).register(meters);
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> counter.increment());
            } else {
                counter.increment();
            }
            return event;
        };
    }
}
