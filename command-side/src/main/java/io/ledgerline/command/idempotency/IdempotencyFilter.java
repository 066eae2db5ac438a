package io.ledgerline.command.idempotency;

import io.ledgerline.infrastructure.web.PayloadTooLargeException;
import io.ledgerline.infrastructure.web.ProblemResponses;
import io.ledgerline.infrastructure.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes POST requests with an {@code Idempotency-Key} header safe to retry, the way payment APIs do:
 * <ul>
 *   <li>the same key with the same request returns the first response (status, body, ETag,
 *       Location) with {@code Idempotent-Replayed: true}, and writes nothing new;</li>
 *   <li>the same key with a different request is refused with 422;</li>
 *   <li>the same key while the first request still runs waits for it (up to
 *       {@code ledgerline.idempotency.wait}) and then replays its response, else 409.</li>
 * </ul>
 * In the JDBC mode the request runs in one transaction with the key's row, so the events it appends
 * and the response stored for its key commit together or not at all. With Axon Server the events
 * go elsewhere and the two can part: a crash after the append loses the key's row. The command
 * then carries the key and this request's fingerprint to its events, and a retry that finds them
 * answers from them instead of running the command again ({@link IdempotentReplay}). Server errors
 * (5xx) are not stored: the key stays free and the client may retry. Some endpoints require a key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** The request attribute holding the request's fingerprint, which its command carries to its events. */
    public static final String FINGERPRINT = IdempotencyFilter.class.getName() + ".fingerprint";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String ANONYMOUS = "anonymous";

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final Duration wait;
    private final List<String> requiredPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    private final Counter replays;

    IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, Duration wait, List<String> requiredPaths,
                      Counter replays) {
        this.replays = replays;
        this.store = store;
        this.transactions = transactions;
        this.wait = wait;
        this.requiredPaths = requiredPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            if (requiredPaths.stream().anyMatch(pattern -> paths.match(pattern, request.getRequestURI()))) {
                ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, ProblemType.MISSING_HEADER,
                        "This request must carry an Idempotency-Key header (a unique value per operation, "
                                + "for example a UUID), so that a retry cannot perform it twice");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST, ProblemType.INVALID_VALUE,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE,
                    tooLarge.getMessage());
            return;
        }
        handle(new CachedBodyRequest(request, body), response, chain, key, fingerprint(request, body));
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
                        String fingerprint) throws IOException, ServletException {
        String principal = request.getUserPrincipal() == null ? ANONYMOUS : request.getUserPrincipal().getName();
        request.setAttribute(FINGERPRINT, fingerprint);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        Optional<StoredResponse> earlier;
        try {
            earlier = transactions.execute(status -> {
                Optional<StoredResponse> stored = store.claim(principal, key, fingerprint, wait);
                if (stored.isPresent()) {
                    return stored;
                }
                run(chain, request, captured);
                if (captured.getStatus() >= 500) {
                    status.setRollbackOnly();
                } else {
                    store.complete(principal, key, new StoredResponse(fingerprint, captured.getStatus(),
                            captured.getContentType(), captured.getHeader("ETag"), captured.getHeader("Location"),
                            new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8)));
                }
                return Optional.empty();
            });
        } catch (PessimisticLockingFailureException stillRunning) {
            response.setHeader("Retry-After", "1");
            ProblemResponses.write(request, response, HttpStatus.CONFLICT, ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry shortly");
            return;
        } catch (WrappedServletFailure failure) {
            failure.rethrow();
            return;
        }
        if (earlier.isEmpty()) {
            captured.copyBodyToResponse();
        } else if (!earlier.get().requestHash().equals(fingerprint)) {
            ProblemResponses.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for a different request; use a new key for a new operation");
        } else {
            replays.increment();
            replay(earlier.get(), response);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.etag() != null) {
            response.setHeader("ETag", stored.etag());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new WrappedServletFailure(e);
        }
    }

    /** SHA-256 over method, path with query, If-Match and body: what makes two requests "the same". */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            String ifMatch = request.getHeader("If-Match");
            digest.update((ifMatch == null ? "" : ifMatch).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Carries a servlet failure out of the transaction callback, which may not throw checked exceptions. */
    private static final class WrappedServletFailure extends RuntimeException {

        private final Exception failure;

        WrappedServletFailure(Exception failure) {
            super(failure);
            this.failure = failure;
        }

        void rethrow() throws IOException, ServletException {
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failure;
        }
    }

    /** A request whose body was read once already and is served again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
