package io.ledgerline.infrastructure.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (a request the security firewall
 * refused, an error a filter sent with {@code sendError}) with a problem detail, in place of
 * Spring Boot's default JSON. Whatever the container or the firewall said is not echoed.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${spring.web.error.path:/error}", produces = MediaType.ALL_VALUE)
    public ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.json(status, ProblemType.forStatus(status), detail(status),
                        uri == null ? null : uri.toString()));
    }

    /** Text for people, by status: the same whether the container, the firewall or a filter refused. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed: its path, query string or headers cannot be accepted "
                    + "(for example an encoded NUL, slash, backslash or semicolon in the path)";
            case 401 -> "The request needs a valid bearer token";
            case 403 -> "The caller may not do this";
            case 404 -> "Nothing exists at this path";
            case 405 -> "The path does not accept this method";
            case 413 -> "The request body is too large";
            case 414 -> "The request's path and query string are too long";
            case 431 -> "The request's headers are too large";
            default -> status >= 500 ? "The request failed unexpectedly" : "The request cannot be accepted";
        };
    }
}
