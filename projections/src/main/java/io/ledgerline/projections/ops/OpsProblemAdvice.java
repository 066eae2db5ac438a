package io.ledgerline.projections.ops;

import io.ledgerline.infrastructure.web.ProblemDetailsAdvice;
import io.ledgerline.infrastructure.web.ProblemType;
import io.ledgerline.projections.runtime.NoDeadLettersException;
import io.ledgerline.projections.runtime.RebuildInProgressException;
import io.ledgerline.projections.runtime.UnknownReadModelException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The ops API's errors as problem details. */
@RestControllerAdvice
public class OpsProblemAdvice extends ProblemDetailsAdvice {

    @ExceptionHandler({UnknownReadModelException.class, NoDeadLettersException.class})
    public ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(RebuildInProgressException.class)
    public ProblemDetail rebuildInProgress(RebuildInProgressException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(ProblemType.of("rebuild-in-progress"));
        return problem;
    }
}
