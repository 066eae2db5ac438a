package io.ledgerline.projections.runtime;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** One processor this instance runs: a model's generation, live or being built, with its dead-letter queue. */
record RunningProjection(ReadModel model, int generation, PooledStreamingEventProcessor processor,
                         DeadLetteringEventHandlerInvoker invoker, SequencedDeadLetterQueue<EventMessage<?>> deadLetters,
                         ExecutorService coordinator, ExecutorService workers, Instant startedAt) {

    String name() {
        return processor.getName();
    }

    /** Stops processing and releases this instance's segments, so another instance can claim them. */
    void shutdown() {
        try {
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
