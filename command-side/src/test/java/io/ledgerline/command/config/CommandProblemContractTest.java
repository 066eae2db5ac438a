package io.ledgerline.command.config;

import io.ledgerline.command.support.AxonServerWire;
import io.ledgerline.command.web.CommandProblem;
import io.ledgerline.domain.inventory.InsufficientStock;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.shared.InvalidValueException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error contract on the bus itself: whatever refuses a command, in its handler or at commit,
 * the result is a {@link CommandExecutionException} carrying a {@link CommandProblem}, and the
 * problem survives the trip through Axon Server's connector unchanged. The web layer and the
 * retry policy read nothing else.
 */
class CommandProblemContractTest {

    private static final String PROBLEM = "urn:ledgerline:problem:";

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("a business rule", () -> {
                    throw new InsufficientStock(new Sku("SKU-1"), 5, 2);
                }, 409, "insufficient-stock", Map.of()),
                refusal("an unknown aggregate", () -> {
                    throw new AggregateNotFoundException("o-1", "not found");
                }, 404, "not-found", Map.of()),
                refusal("a stale If-Match", () -> {
                    throw new ConflictingAggregateVersionException("o-1", 1, 4);
                }, 409, "version-conflict", Map.of("expectedVersion", 1, "currentVersion", 4)),
                refusal("an impossible value", () -> {
                    throw new InvalidValueException("quantity", "too many");
                }, 400, "invalid-value", Map.of("errors", List.of(Map.of("field", "quantity", "message", "too many")))),
                refusal("a write conflict at commit", () -> {
                    // how both event stores fail a losing append: at commit, after the handler returned
                    CurrentUnitOfWork.get().onCommit(u -> {
                        throw new ConcurrencyException("sequence 3 is taken");
                    });
                    return 3L;
                }, 409, "concurrency-conflict", Map.of()),
                refusal("creating what exists, as Axon Server reports it", () -> {
                    StrictVersionRepository.notesCreation(CurrentUnitOfWork.get());
                    CurrentUnitOfWork.get().onCommit(u -> {
                        throw new ConcurrencyException("Invalid sequence number 0 for aggregate SKU-1, expected 4");
                    });
                    return "SKU-1";
                }, 409, "already-exists", Map.of()));
    }

    private static Arguments refusal(String name, Callable<Object> handler, int status, String type,
                                     Map<String, Object> properties) {
        return Arguments.of(name, handler, status, type, properties);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void everyRefusalCrossesTheBusAsItsProblem(String name, Callable<Object> handler, int status, String type,
                                               Map<String, Object> properties) {
        CommandResultMessage<?> handled = handle(handler);

        for (CommandResultMessage<?> received : List.of(handled, AxonServerWire.across(handled))) {
            assertThat(received.exceptionResult()).isInstanceOf(CommandExecutionException.class);
            CommandProblem problem = CommandProblem.of((CommandExecutionException) received.exceptionResult()).orElseThrow();
            ProblemDetail answer = problem.toProblemDetail();
            assertThat(answer.getStatus()).isEqualTo(status);
            assertThat(answer.getType()).hasToString(PROBLEM + type);
            assertThat(answer.getDetail()).isNotBlank().isEqualTo(received.exceptionResult().getMessage());
            assertThat(numbersAsLongs(answer.getProperties() == null ? Map.of() : answer.getProperties()))
                    .isEqualTo(numbersAsLongs(properties));
            assertThat(ConflictRetryScheduler.isConflict((RuntimeException) received.exceptionResult()))
                    .isEqualTo(type.equals("concurrency-conflict"));
        }
    }

    @Test
    void aBusinessRuleKeepsItsTitleAndDetailAcrossTheWire() {
        CommandResultMessage<?> received = AxonServerWire.across(handle(() -> {
            throw new InsufficientStock(new Sku("SKU-1"), 5, 2);
        }));

        ProblemDetail answer = CommandProblem.of((CommandExecutionException) received.exceptionResult()).orElseThrow()
                .toProblemDetail();
        assertThat(answer.getTitle()).isEqualTo("Rejected by a business rule");
        assertThat(answer.getDetail()).isEqualTo("Only 2 of SKU-1 available, 5 requested");
    }

    @Test
    void anUnexpectedFailureCarriesNoProblemAndIsNotRetried() {
        CommandResultMessage<?> handled = handle(() -> {
            throw new IllegalStateException("disk full");
        });

        assertThat(handled.exceptionResult()).isInstanceOf(IllegalStateException.class);
        RuntimeException received = (RuntimeException) AxonServerWire.across(handled).exceptionResult();
        assertThat(received).isInstanceOf(CommandExecutionException.class);
        assertThat(CommandProblem.of((CommandExecutionException) received)).isEmpty();
        assertThat(ConflictRetryScheduler.isConflict(received)).isFalse();
    }

    @Test
    void aSuccessIsLeftAlone() {
        CommandResultMessage<?> handled = handle(() -> 7L);

        assertThat(handled.isExceptional()).isFalse();
        assertThat(handled.getPayload()).isEqualTo(7L);
        assertThat(AxonServerWire.across(handled).getPayload()).isEqualTo(7L);
    }

    /** JSON numbers compared by value: the wire reads small ones back as integers. */
    private static Object numbersAsLongs(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.HashMap<>();
            map.forEach((key, member) -> copy.put(key, numbersAsLongs(member)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CommandProblemContractTest::numbersAsLongs).toList();
        }
        return value;
    }

    private static CommandResultMessage<?> handle(Callable<Object> handler) {
        ProblemReportingCommandBus bus = new ProblemReportingCommandBus(ProblemReportingCommandBus.builder());
        bus.subscribe("test-command", message -> handler.call());
        FutureCallback<Object, Object> result = new FutureCallback<>();
        bus.dispatch(new GenericCommandMessage<>(new GenericMessage<>("payload"), "test-command"), result);
        return result.getResult();
    }
}
