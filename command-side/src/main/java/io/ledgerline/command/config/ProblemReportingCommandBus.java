package io.ledgerline.command.config;

import io.ledgerline.command.web.CommandProblem;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The command bus that handles commands in this instance: in the JDBC mode the only one, with Axon
 * Server its local segment. A refused command ends in a {@link org.axonframework.commandhandling.CommandExecutionException}
 * whose details are a {@link CommandProblem}, whatever refused it: the handler (a business rule, an
 * unknown aggregate, a stale version) or the commit (a write conflict, an aggregate that exists
 * already). The result is translated after the unit of work has committed or rolled back, so the
 * commit's own failures are translated too, which a handler interceptor would never see. The
 * dispatching side, local or across Axon Server, then reads the same details.
 */
final class ProblemReportingCommandBus extends SimpleCommandBus {

    ProblemReportingCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        AtomicReference<UnitOfWork<?>> unitOfWork = new AtomicReference<>();
        MessageHandler<? super CommandMessage<?>> recording = message -> {
            unitOfWork.set(CurrentUnitOfWork.get());
            return handler.handle(message);
        };
        super.handle(command, recording, (CommandMessage<? extends C> message, CommandResultMessage<? extends R> result) ->
                callback.onResult(message, translated(result, unitOfWork.get())));
    }

    private static <R> CommandResultMessage<? extends R> translated(CommandResultMessage<? extends R> result,
                                                                  UnitOfWork<?> unitOfWork) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        return CommandProblem.of(failure, StrictVersionRepository.createdAggregate(unitOfWork))
                .<CommandResultMessage<? extends R>>map(problem -> new GenericCommandResultMessage<>(
                        problem.toException(failure), result.getMetaData()))
                .orElse(result);
    }
}
