package io.ledgerline.query.web;

import io.ledgerline.infrastructure.web.ProblemDetailsAdvice;
import io.ledgerline.infrastructure.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The query side's errors: an unknown id is 404; every bad parameter is 400 (from the shared advice). */
@RestControllerAdvice
public class QueryProblemAdvice extends ProblemDetailsAdvice {

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage());
    }
}
