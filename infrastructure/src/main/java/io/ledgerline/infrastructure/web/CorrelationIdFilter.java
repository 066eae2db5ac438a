package io.ledgerline.infrastructure.web;

import io.ledgerline.infrastructure.ids.TimeOrderedIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the client's {@code X-Request-Id} if it is sane, else the
 * trace id of a W3C {@code traceparent}, else a new {@link TimeOrderedIds}. It is echoed in
 * {@code X-Request-Id}, put on every log line of the request (MDC key {@code correlationId}) and,
 * on the command side, into the metadata of every event the request causes.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The request attribute holding the correlation id. */
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".correlationId";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = correlationIdOf(request);
        request.setAttribute(ATTRIBUTE, correlationId);
        response.setHeader(HEADER, correlationId);
        MDC.put(MDC_KEY, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String correlationIdOf(HttpServletRequest request) {
        String requestId = request.getHeader(HEADER);
        if (requestId != null && REQUEST_ID.matcher(requestId).matches()) {
            return requestId;
        }
        String traceparent = request.getHeader("traceparent");
        if (traceparent != null) {
            Matcher trace = TRACEPARENT.matcher(traceparent.trim());
            if (trace.matches() && !trace.group(1).equals("0".repeat(32))) {
                return trace.group(1);
            }
        }
        return TimeOrderedIds.next().toString();
    }
}
