package io.ledgerline.command.web;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.infrastructure.web.ProblemDetailsAdvice;
import io.ledgerline.infrastructure.web.ProblemType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's errors: a refused business rule and every kind of write conflict are 409,
 * an unknown aggregate is 404. A rejected command has appended nothing.
 */
@RestControllerAdvice
public class CommandProblemAdvice extends ProblemDetailsAdvice {

    @ExceptionHandler(BusinessRuleViolation.class)
    public ProblemDetail businessRule(BusinessRuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(ProblemType.of(e.code()));
        problem.setTitle("Rejected by a business rule");
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                "Nothing exists with id '" + e.getAggregateIdentifier() + "'");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    public ProblemDetail alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.ALREADY_EXISTS, "It exists already; it cannot be created twice");
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    public ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ProblemType.VERSION_CONFLICT,
                "You sent version " + e.getExpectedVersion() + " but it is at version " + e.getActualVersion()
                        + "; read it again and decide anew");
        problem.setProperty("expectedVersion", e.getExpectedVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ProblemDetail concurrentWrite(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.CONCURRENCY_CONFLICT,
                "Another request changed it at the same moment; retry the request");
    }
}
