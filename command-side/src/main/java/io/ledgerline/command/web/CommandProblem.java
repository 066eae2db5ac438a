package io.ledgerline.command.web;

import io.ledgerline.domain.shared.BusinessRuleViolation;
import io.ledgerline.domain.shared.InvalidValueException;
import io.ledgerline.infrastructure.web.ProblemType;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a command was refused, in a form that crosses the command bus: the details of the
 * {@link CommandExecutionException} every refused command ends in, in both modes. With Axon Server
 * the handling instance serializes them with the message serializer (Jackson) and the dispatching
 * instance reads them back, so only JSON values go in: strings, numbers, lists and maps of them.
 * The class name is part of that wire format; instances of two releases must agree on it.
 *
 * @param type       the problem type URI, e.g. {@code urn:ledgerline:problem:insufficient-stock}
 * @param status     the HTTP status the web layer answers with
 * @param title      a title, or null for the status's reason phrase
 * @param detail     what happened, for humans
 * @param properties further members of the problem document, e.g. {@code currentVersion}
 */
public record CommandProblem(String type, int status, String title, String detail, Map<String, Object> properties) {

    public CommandProblem {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * The problem an exception raised while handling a command stands for, if it is one the client
     * caused or can act on; empty for an unexpected failure, which stays a server error.
     *
     * @param createsAggregate whether the command was creating its aggregate: a write conflict on a
     *                         new aggregate means it exists already (Axon Server reports it so)
     */
    public static Optional<CommandProblem> of(Throwable failure, boolean createsAggregate) {
        if (failure instanceof CommandExecutionException wrapped) {
            return of(wrapped);
        }
        if (failure instanceof BusinessRuleViolation rule) {
            return Optional.of(new CommandProblem(ProblemType.of(rule.code()).toString(), HttpStatus.CONFLICT.value(),
                    "Rejected by a business rule", rule.getMessage(), Map.of()));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                    "Nothing exists with id '" + notFound.getAggregateIdentifier() + "'", Map.of()));
        }
        if (failure instanceof AggregateStreamCreationException
                || (failure instanceof ConcurrencyException && createsAggregate)) {
            return Optional.of(problem(HttpStatus.CONFLICT, ProblemType.ALREADY_EXISTS,
                    "It exists already; it cannot be created twice", Map.of()));
        }
        if (failure instanceof ConflictingAggregateVersionException stale) {
            Map<String, Object> versions = new LinkedHashMap<>();
            versions.put("expectedVersion", stale.getExpectedVersion());
            versions.put("currentVersion", stale.getActualVersion());
            return Optional.of(problem(HttpStatus.CONFLICT, ProblemType.VERSION_CONFLICT,
                    "You sent version " + stale.getExpectedVersion() + " but it is at version " + stale.getActualVersion()
                            + "; read it again and decide anew", versions));
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(problem(HttpStatus.CONFLICT, ProblemType.CONCURRENCY_CONFLICT,
                    "Another request changed it at the same moment; retry the request", Map.of()));
        }
        if (failure instanceof InvalidValueException invalid) {
            return Optional.of(problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_VALUE, invalid.getMessage(),
                    Map.of("errors", List.of(Map.of("field", invalid.field(), "message", invalid.getMessage())))));
        }
        if (failure instanceof Refusal refusal) {
            return Optional.of(refusal.problem());
        }
        return Optional.empty();
    }

    /** The problem a refused command's exception carries, as the dispatching side received it. */
    public static Optional<CommandProblem> of(CommandExecutionException failure) {
        return failure.getDetails().filter(CommandProblem.class::isInstance).map(CommandProblem.class::cast);
    }

    /** Whether a failed dispatch lost a write race, the one failure worth sending the command again for. */
    public static boolean isWriteConflict(Throwable failure) {
        if (failure instanceof ConcurrencyException) {
            return true; // reported by Axon Server itself (AXONIQ-4004), never by a handler
        }
        return failure instanceof CommandExecutionException wrapped && of(wrapped)
                .filter(problem -> problem.type().equals(ProblemType.CONCURRENCY_CONFLICT.uri().toString()))
                .isPresent();
    }

    /** The exception that reports this problem across the bus; the message is the detail. */
    public CommandExecutionException toException(Throwable cause) {
        return new CommandExecutionException(detail, cause, this);
    }

    /** The problem document the web layer answers with. */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create(type));
        if (title != null) {
            problem.setTitle(title);
        }
        properties.forEach(problem::setProperty);
        return problem;
    }

    private static CommandProblem problem(HttpStatus status, ProblemType type, String detail,
                                          Map<String, Object> properties) {
        return new CommandProblem(type.uri().toString(), status.value(), null, detail, properties);
    }

    /** A refusal raised by the command side's own machinery (not the domain), with its problem ready. */
    public static class Refusal extends RuntimeException {

        private final transient CommandProblem problem;

        public Refusal(CommandProblem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public CommandProblem problem() {
            return problem;
        }
    }
}
