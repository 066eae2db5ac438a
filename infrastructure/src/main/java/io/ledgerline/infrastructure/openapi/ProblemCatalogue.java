package io.ledgerline.infrastructure.openapi;

import io.ledgerline.infrastructure.web.ProblemType;
import org.springframework.http.HttpStatus;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI documents say about each standard problem type: its status, when it happens
 * (the same meanings as docs/api.md), and an example body as the apps write it.
 */
final class ProblemCatalogue {

    /** One problem type as documented: its status, title, meaning and example body. */
    record Entry(String code, int status, String title, String meaning, Map<String, Object> example) {

        String type() {
            return ProblemType.PREFIX + code;
        }
    }

    private static final Map<ProblemType, Entry> STANDARD = new EnumMap<>(ProblemType.class);

    static {
        add(ProblemType.VALIDATION, 400, "Body fields break their constraints (missing, blank, too long, out of range); "
                        + "`errors` has one entry per field",
                "The request has invalid fields: lines[0].quantity",
                Map.of("errors", List.of(Map.of("field", "lines[0].quantity", "message", "must be greater than 0"))));
        add(ProblemType.MALFORMED_REQUEST, 400, "The server refused the request before any endpoint ran (an encoded NUL, "
                        + "slash, backslash or semicolon in the path, an over-long request line or headers)",
                "The request is malformed: its path, query string or headers cannot be accepted (for example an "
                        + "encoded NUL, slash, backslash or semicolon in the path)", Map.of());
        add(ProblemType.MALFORMED_JSON, 400, "The body is missing, not JSON, not the document the endpoint expects, "
                + "has something after the document, or repeats a key", "The request body is not well-formed JSON", Map.of());
        add(ProblemType.UNKNOWN_PROPERTY, 400, "The body has a property the endpoint does not know; see `property`",
                "Unknown property 'colour'; known properties are [quantity]", Map.of("property", "colour"));
        add(ProblemType.INVALID_VALUE, 400, "A value that can never be valid: a wrong JSON type, too many decimals, an "
                        + "unknown currency, a malformed SKU, a bad header, an unknown query parameter or a bad filter",
                "amount has more decimals than EUR allows",
                Map.of("errors", List.of(Map.of("field", "amount", "message", "amount has more decimals than EUR allows"))));
        add(ProblemType.MISSING_HEADER, 400, "A required request header is missing (`Idempotency-Key`)",
                "This request must carry an Idempotency-Key header (a unique value per operation, for example a UUID), "
                        + "so that a retry cannot perform it twice", Map.of());
        add(ProblemType.UNAUTHORIZED, 401, "No bearer token, or one that does not verify (signature, issuer, audience, "
                + "lifetime); comes with `WWW-Authenticate: Bearer`",
                "A valid bearer token is required (Authorization: Bearer <token>)", Map.of());
        add(ProblemType.FORBIDDEN, 403, "The token is valid, but its roles do not allow the request",
                "Your roles do not allow this request", Map.of());
        add(ProblemType.NOT_FOUND, 404, "Nothing has that id; for a client, also another customer's order or payment",
                "Nothing exists with id 'LAMP-9'", Map.of());
        add(ProblemType.METHOD_NOT_ALLOWED, 405, "The path exists, but not for this method",
                "The path does not accept this method", Map.of());
        add(ProblemType.NOT_ACCEPTABLE, 406, "`Accept` asks for a format the endpoint cannot produce",
                "Acceptable representations: [application/json, application/*+json].", Map.of());
        add(ProblemType.ALREADY_EXISTS, 409, "What the request creates exists already (for an order or a payment: "
                        + "its `Idempotency-Key` created it before the key's retention ended)",
                "It exists already; it cannot be created twice", Map.of());
        add(ProblemType.CONCURRENCY_CONFLICT, 409, "Another request wrote to the same aggregate at the same moment and "
                        + "the automatic retries also lost; nothing was appended",
                "Another request changed it at the same moment; retry the request", Map.of());
        add(ProblemType.VERSION_CONFLICT, 409, "`If-Match` does not equal the aggregate's current version; nothing was "
                        + "appended; see `expectedVersion` and `currentVersion`",
                "You sent version 1 but it is at version 2; read it again and decide anew",
                Map.of("expectedVersion", 1, "currentVersion", 2));
        add(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS, 409, "A request with the same `Idempotency-Key` was still running "
                        + "after the wait; comes with `Retry-After`",
                "A request with this Idempotency-Key is still being processed; retry shortly", Map.of());
        add(ProblemType.PAYLOAD_TOO_LARGE, 413, "The body is larger than the configured limit (256 KB by default)",
                "Request body is larger than the limit of 262144 bytes", Map.of());
        add(ProblemType.URI_TOO_LONG, 414, "Reserved for a server in front that refuses an over-long request line",
                "The request's path and query string are too long", Map.of());
        add(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415, "The body was sent with a `Content-Type` other than `application/json`",
                "Content-Type 'text/plain' is not supported.", Map.of());
        add(ProblemType.IDEMPOTENCY_KEY_REUSED, 422, "The `Idempotency-Key` was used before for a different request "
                        + "(method, path, query string, `If-Match` or body); nothing ran",
                "This Idempotency-Key was used for a different request; use a new key for a new operation", Map.of());
        add(ProblemType.TOO_MANY_REQUESTS, 429, "The caller is over its rate limit; comes with `Retry-After`; nothing ran",
                "More than 50 commands per second; retry after 1 s", Map.of());
        add(ProblemType.HEADERS_TOO_LARGE, 431, "Reserved for a server in front that refuses over-large headers",
                "The request's headers are too large", Map.of());
        add(ProblemType.INTERNAL_ERROR, 500, "An unexpected failure; quote `incident` when reporting it",
                "The request failed unexpectedly; quote incident 6f1c2a9e-3b7d-4e21-9c55-0d8a4b1e7f10 to the operators",
                Map.of("incident", "6f1c2a9e-3b7d-4e21-9c55-0d8a4b1e7f10"));
        add(ProblemType.NOT_YET_CONSISTENT, 503, "The read model had not caught up with `minVersion` or `minPosition` "
                        + "within the wait; comes with `Retry-After`",
                "The read model does not show version 3 yet; retry shortly",
                Map.of("requiredVersion", 3, "currentVersion", 2));
    }

    private ProblemCatalogue() {
    }

    static Entry of(ProblemType type) {
        Entry entry = STANDARD.get(type);
        if (entry == null) {
            throw new IllegalStateException("No documentation for problem type " + type);
        }
        return entry;
    }

    static Entry of(ApiProblems.Code code) {
        return entry(code.code(), code.status(), code.title(), code.meaning(), code.detail(), Map.of());
    }

    private static void add(ProblemType type, int status, String meaning, String detail, Map<String, Object> extra) {
        String code = type.uri().toString().substring(ProblemType.PREFIX.length());
        STANDARD.put(type, entry(code, status, HttpStatus.valueOf(status).getReasonPhrase(), meaning, detail, extra));
    }

    private static Entry entry(String code, int status, String title, String meaning, String detail,
                               Map<String, Object> extra) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemType.PREFIX + code);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        new java.util.TreeMap<>(extra).forEach(example::put);
        return new Entry(code, status, title, meaning, example);
    }
}
