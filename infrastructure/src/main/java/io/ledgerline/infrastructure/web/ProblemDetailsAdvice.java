package io.ledgerline.infrastructure.web;

import io.ledgerline.domain.shared.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps every error an app can raise to a problem detail with a stable {@link ProblemType}.
 * Each app extends this once with its own exceptions. Nothing internal (stack traces, SQL,
 * class names) reaches the client; unexpected failures are logged with an id the client sees.
 */
public abstract class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidValueException.class)
    public ProblemDetail invalidValue(InvalidValueException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_VALUE, e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_VALUE,
                "'" + e.getValue() + "' is not a valid value for " + e.getName());
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL_ERROR,
                "The request failed unexpectedly; quote incident " + incident + " to the operators");
        problem.setProperty("incident", incident);
        return problem;
    }

    /** Builds a problem with a type, a title derived from the status, and a detail for humans. */
    protected static ProblemDetail problem(HttpStatusCode status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        ProblemDetail problem;
        if (cause instanceof PayloadTooLargeException tooLarge) {
            problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        } else if (cause instanceof InvalidValueException invalid) {
            problem = invalidValue(invalid);
        } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem = problem(status, ProblemType.UNKNOWN_PROPERTY,
                    "Unknown property '" + unknown.getPropertyName() + "'; known properties are "
                            + unknown.getKnownPropertyIds());
            problem.setProperty("property", unknown.getPropertyName());
        } else if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            problem = problem(status, ProblemType.INVALID_VALUE, "Property '" + field + "' has a value of the wrong type");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "wrong type")));
        } else if (e.getCause() instanceof StreamReadException) {
            problem = problem(status, ProblemType.MALFORMED_JSON, "The request body is not well-formed JSON");
        } else {
            problem = problem(status, ProblemType.MALFORMED_JSON,
                    "The request body is missing or cannot be read as the expected JSON document");
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(status, ProblemType.VALIDATION, "The request has invalid fields: "
                + errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, "The request has invalid parameters");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null || problem.getType().toString().equals("about:blank"))) {
            problem.setType(typeOf(e, status).uri());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemType typeOf(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return ProblemType.UNSUPPORTED_MEDIA_TYPE;
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemType.NOT_ACCEPTABLE;
        } else if (e instanceof HttpRequestMethodNotSupportedException) {
            return ProblemType.METHOD_NOT_ALLOWED;
        } else if (e instanceof NoResourceFoundException) {
            return ProblemType.NOT_FOUND;
        } else if (e instanceof MissingRequestHeaderException) {
            return ProblemType.MISSING_HEADER;
        }
        return status.is5xxServerError() ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_VALUE;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
