package io.ledgerline.infrastructure.security;

import io.ledgerline.infrastructure.web.ProblemResponses;
import io.ledgerline.infrastructure.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 as problem details, like every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <token>)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN,
                "Your roles do not allow this request");
    }
}
