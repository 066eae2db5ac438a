package io.ledgerline.query.web;

import io.ledgerline.infrastructure.web.ProblemDetailsAdvice;
import io.ledgerline.infrastructure.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's errors: an unknown id is 404; every bad parameter is 400 (from the shared advice). */
@RestControllerAdvice
public class QueryProblemAdvice extends ProblemDetailsAdvice {

    @ExceptionHandler(NotYetConsistentException.class)
    public ResponseEntity<ProblemDetail> notYetConsistent(NotYetConsistentException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.NOT_YET_CONSISTENT, e.getMessage());
        e.progress().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage());
    }
}
