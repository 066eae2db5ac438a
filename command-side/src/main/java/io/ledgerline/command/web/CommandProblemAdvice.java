package io.ledgerline.command.web;

import io.ledgerline.infrastructure.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's errors. A refused command reaches the web layer as a
 * {@link CommandExecutionException} whose details name its problem ({@link CommandProblem}): a
 * refused business rule and every kind of write conflict are 409, an unknown aggregate is 404.
 * The details are read the same way whether the command ran in this instance (JDBC mode) or came
 * back across Axon Server. A rejected command has appended nothing. A failure without a problem is
 * unexpected: 500 with an incident id.
 */
@RestControllerAdvice
public class CommandProblemAdvice extends ProblemDetailsAdvice {

    @ExceptionHandler(CommandExecutionException.class)
    public ProblemDetail refused(CommandExecutionException e) {
        return CommandProblem.of(e).map(CommandProblem::toProblemDetail).orElseGet(() -> unexpected(e));
    }
}
