package io.ledgerline.infrastructure.web;

import java.net.URI;

/**
 * The stable problem {@code type}s every app may answer with. Clients switch on these; the
 * meaning of each is listed in docs/api.md. Business-rule rejections add their own code under the
 * same prefix (see {@link #of(String)}).
 */
public enum ProblemType {
    VALIDATION("validation"),
    MALFORMED_REQUEST("malformed-request"),
    MALFORMED_JSON("malformed-json"),
    UNKNOWN_PROPERTY("unknown-property"),
    INVALID_VALUE("invalid-value"),
    MISSING_HEADER("missing-header"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type"),
    NOT_ACCEPTABLE("not-acceptable"),
    PAYLOAD_TOO_LARGE("payload-too-large"),
    URI_TOO_LONG("uri-too-long"),
    HEADERS_TOO_LARGE("headers-too-large"),
    NOT_FOUND("not-found"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    TOO_MANY_REQUESTS("too-many-requests"),
    METHOD_NOT_ALLOWED("method-not-allowed"),
    ALREADY_EXISTS("already-exists"),
    CONCURRENCY_CONFLICT("concurrency-conflict"),
    VERSION_CONFLICT("version-conflict"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress"),
    NOT_YET_CONSISTENT("not-yet-consistent"),
    INTERNAL_ERROR("internal-error");

    public static final String PREFIX = "urn:ledgerline:problem:";

    private final URI uri;

    ProblemType(String code) {
        this.uri = of(code);
    }

    public URI uri() {
        return uri;
    }

    /**
     * The type for an error status that did not come with one of its own: what the servlet
     * container or the security firewall answered before any controller ran.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> HEADERS_TOO_LARGE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }

    /** The type URI for a code, e.g. {@code insufficient-stock}. */
    public static URI of(String code) {
        return URI.create(PREFIX + code);
    }
}
