package io.ledgerline.projections.runtime;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's handle on dead letters of a model's live generation: events a handler failed on,
 * parked per aggregate so that only that aggregate's later events wait behind them.
 */
@Component
public class DeadLetters {

    private final ProjectionRuntime runtime;
    private final Generations generations;

    public DeadLetters(ProjectionRuntime runtime, Generations generations) {
        this.runtime = runtime;
        this.generations = generations;
    }

    /** One parked event. */
    @Schema(description = "An event a projection could not handle, parked with the rest of its sequence")
    public record Letter(
            @Schema(description = "The sequence it blocks: the aggregate id", example = "LAMP-1", requiredMode = Schema.RequiredMode.REQUIRED) String sequence,
            @Schema(description = "Its place in the sequence's parked events", example = "0", requiredMode = Schema.RequiredMode.REQUIRED) long index,
            @Schema(description = "The event id", example = "b1f7c2d4-9a3e-4f60-8d21-5c7e9a0b3f42", requiredMode = Schema.RequiredMode.REQUIRED) String eventId,
            @Schema(description = "The event type", example = "io.ledgerline.domain.inventory.StockReceived", requiredMode = Schema.RequiredMode.REQUIRED) String eventType,
            @Schema(description = "The aggregate id", example = "LAMP-1") String aggregateId,
            @Schema(description = "The event's sequence in its aggregate", example = "1") Long aggregateSequence,
            @Schema(description = "The failure's type", example = "org.springframework.dao.DataIntegrityViolationException")
            String causeType,
            @Schema(description = "The failure's message", example = "value too long for type character varying(200)")
            String causeMessage,
            @Schema(description = "When it was parked", example = "2026-11-20T10:15:31.000123Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant enqueuedAt,
            @Schema(description = "When it was last retried", example = "2026-11-20T10:20:00.000456Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant lastTouched) {
    }

    public List<Letter> list(String model) {
        List<Letter> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : live(model).deadLetters().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(letter(letter));
            }
        }
        return letters;
    }

    /** Retries every parked sequence once; returns how many sequences were handled successfully. */
    public int retryAll(String model) {
        RunningProjection projection = live(model);
        long sequences = projection.deadLetters().amountOfSequences();
        int handled = 0;
        for (long i = 0; i < sequences; i++) {
            if (projection.invoker().processAny()) {
                handled++;
            }
        }
        return handled;
    }

    /** Retries the parked events of one sequence (aggregate); true if they were all handled. */
    public boolean retry(String model, String sequence) {
        RunningProjection projection = live(model);
        requireParked(projection, sequence);
        return projection.invoker().process(letter -> sequence.equals(sequenceOf(letter)));
    }

    /** Drops the parked events of one sequence for good; the read model will never see them. */
    public int evict(String model, String sequence) {
        RunningProjection projection = live(model);
        requireParked(projection, sequence);
        int evicted = 0;
        for (DeadLetter<? extends EventMessage<?>> letter : projection.deadLetters().deadLetterSequence(sequence)) {
            projection.deadLetters().evict(letter);
            evicted++;
        }
        return evicted;
    }

    private static void requireParked(RunningProjection projection, String sequence) {
        if (!projection.deadLetters().contains(sequence)) {
            throw new NoDeadLettersException(projection.name(), sequence);
        }
    }

    private RunningProjection live(String model) {
        int active = generations.of(runtime.model(model).name()).orElseThrow().active();
        return runtime.running(model, active)
                .orElseThrow(() -> new IllegalStateException("The live processor of " + model + " is not running here"));
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> jdbc) {
            return jdbc.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain : null;
        return new Letter(sequenceOf(letter), letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIndex() : 0,
                message.getIdentifier(), message.getPayloadType().getSimpleName(),
                event == null ? null : event.getAggregateIdentifier(), event == null ? null : event.getSequenceNumber(),
                letter.cause().map(cause -> cause.type()).orElse(null),
                letter.cause().map(cause -> cause.message()).orElse(null), letter.enqueuedAt(), letter.lastTouched());
    }
}
