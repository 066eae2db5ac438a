package io.ledgerline.infrastructure.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The hash chain over each aggregate's events (docs/auditing.md, "Tamper evidence"):
 * <pre>
 * hash = hex(SHA-256(UTF-8(canonical JSON of {
 *     "aggregateIdentifier", "aggregateType", "sequenceNumber", "eventIdentifier",
 *     "payloadType", "payloadRevision", "timestamp" (epoch milliseconds),
 *     "payload" (as stored), "metadata" (as stored, without "hash" and "previousHash"),
 *     "previousHash" })))
 * </pre>
 * Canonical JSON: object members sorted by name (code point order), no insignificant
 * whitespace, strings and numbers as Jackson writes them. The first event's previous hash is
 * {@link #GENESIS}. Changing any stored field of an event, or removing or reordering events,
 * breaks the chain at that point.
 */
public final class EventHash {

    public static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventHash() {
    }

    /** The fields of a stored event that the hash covers. */
    public record Content(String aggregateIdentifier, String aggregateType, long sequenceNumber,
                          String eventIdentifier, String payloadType, String payloadRevision, long timestampMillis,
                          byte[] payload, byte[] metadata) {
    }

    public static String of(Content event, String previousHash) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("aggregateIdentifier", event.aggregateIdentifier());
        document.put("aggregateType", event.aggregateType());
        document.put("sequenceNumber", event.sequenceNumber());
        document.put("eventIdentifier", event.eventIdentifier());
        document.put("payloadType", event.payloadType());
        document.put("payloadRevision", event.payloadRevision());
        document.put("timestamp", event.timestampMillis());
        document.set("payload", parse(event.payload()));
        ObjectNode metadata = parse(event.metadata()) instanceof ObjectNode object ? object
                : JsonNodeFactory.instance.objectNode();
        metadata.remove(List.of(AuditMetadata.HASH, AuditMetadata.PREVIOUS_HASH));
        document.set("metadata", metadata);
        document.put("previousHash", previousHash);
        return sha256(canonical(document));
    }

    /** The canonical text of a JSON value: members sorted by name, compact. */
    public static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                result.set(name, sorted(node.get(name)));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                result.add(sorted(elements.next()));
            }
            return result;
        }
        return node;
    }

    private static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON cannot be read", e);
        }
    }
}
