package io.ledgerline.infrastructure.security;

import io.ledgerline.infrastructure.web.ProblemResponses;
import io.ledgerline.infrastructure.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * CORS for the origins an app is told to trust (the console's, docs/security.md): bearer tokens in
 * the {@code Authorization} header, never cookies, so an allowed origin gains nothing a token would
 * not give it anyway. A request from any other origin is refused with a problem detail.
 */
final class CrossOriginCalls {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "Idempotency-Key", "If-Match", "X-Request-Id");
    private static final List<String> RESPONSE_HEADERS = List.of("ETag", "Location", "Retry-After", "X-Request-Id",
            "Content-Disposition");

    private CrossOriginCalls() {
    }

    /** The filter for the configured origins; {@code null} when there are none, so the app answers no CORS at all. */
    static CorsFilter filter(SecuritySettings.Cors settings) {
        if (settings.allowedOrigins().isEmpty()) {
            return null;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(settings.allowedOrigins());
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(RESPONSE_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofMinutes(10));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    /** Spring's checks, with the refusal written as a problem detail instead of plain text. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(ProblemResponses.json(HttpStatus.FORBIDDEN.value(), ProblemType.FORBIDDEN,
                    "This origin may not call this app, or not with this method or these headers "
                            + "(ledgerline.security.cors.allowed-origins)", null));
            response.flush();
        }
    }
}
