package io.ledgerline.command.web;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.ledgerline.infrastructure.web.ProblemResponses;
import io.ledgerline.infrastructure.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Limits how many commands each caller may send per second (a token bucket per principal, in this
 * instance): over the limit the answer is 429 with {@code Retry-After}, and nothing is executed.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final int TRACKED_CALLERS = 10_000;

    private final long perSecond;
    private final long burst;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > TRACKED_CALLERS;
        }
    });

    public RateLimitFilter(long perSecond, long burst) {
        this(perSecond, burst, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** With the clock the buckets refill by; tests pass one they move themselves. */
    public RateLimitFilter(long perSecond, long burst, TimeMeter clock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("ledgerline.rate-limit.commands-per-second must be at least 1");
        }
        this.perSecond = perSecond;
        this.burst = Math.max(burst, perSecond);
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = request.getUserPrincipal() == null ? request.getRemoteAddr() : request.getUserPrincipal().getName();
        ConsumptionProbe probe = buckets.computeIfAbsent(caller, key -> Bucket.builder()
                        .withCustomTimePrecision(clock)
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS,
                "More than " + perSecond + " commands per second; retry after " + seconds + " s");
    }
}
