package io.ledgerline.infrastructure.audit;

/** The metadata keys every event carries so that an auditor can tell who caused it, and why. */
public final class AuditMetadata {

    /** The client request everything descends from (X-Request-Id, the trace id of traceparent, or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message (command or event) whose handling produced this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Who sent the request ("anonymous" until requests are authenticated). */
    public static final String PRINCIPAL = "principal";
    /** The client's Idempotency-Key, if it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /**
     * The fingerprint of the request under that key (SHA-256 of method, path, If-Match and body), on
     * the command sent for it and on that command's own events only: events caused further on (by
     * the fulfilment process) inherit the key but not this. A retry finds its first attempt's
     * events by it, in both event stores, when the key's stored response was lost.
     */
    public static final String IDEMPOTENCY_FINGERPRINT = "idempotencyFingerprint";
    /**
     * The channel the request came through when it was not plain REST: {@code mcp} for a command an AI
     * agent sent through the MCP server. Recorded only when the request proved it (ChannelMarks).
     */
    public static final String CHANNEL = "channel";
    /** This event's link in its aggregate's hash chain. */
    public static final String HASH = "hash";
    /** The hash of the previous event of the same aggregate (64 zeros for the first). */
    public static final String PREVIOUS_HASH = "previousHash";

    public static final String ANONYMOUS = "anonymous";

    private AuditMetadata() {
    }
}
