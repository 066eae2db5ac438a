package io.ledgerline.infrastructure.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Reads tracking tokens as stored by the JDBC token store (Jackson JSON) without Axon: how far a
 * segment got, and whether it has handled the event at a given position. Understands gap-aware,
 * global-sequence, replay and merged tokens.
 */
public final class StoredTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredTokens() {
    }

    public static JsonNode parse(byte[] token) {
        if (token == null) {
            return null;
        }
        try {
            return JSON.readTree(token);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the token includes the event at {@code position}. */
    public static boolean covers(JsonNode token, long position) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return false;
        }
        if (token.has("currentToken")) {
            return covers(token.get("currentToken"), position);
        }
        if (token.has("lowerSegmentToken")) {
            return covers(token.get("lowerSegmentToken"), position) && covers(token.get("upperSegmentToken"), position);
        }
        if (token.has("index")) {
            if (token.get("index").asLong() < position) {
                return false;
            }
            for (JsonNode gap : token.path("gaps")) {
                if (gap.asLong() == position) {
                    return false;
                }
            }
            return true;
        }
        return token.has("globalIndex") && token.get("globalIndex").asLong() >= position;
    }

    /** The position the token reached (-1 before any progress). */
    public static long reached(JsonNode token) {
        if (token == null || token.isNull() || token.isMissingNode()) {
            return -1;
        }
        if (token.has("currentToken")) {
            return reached(token.get("currentToken"));
        }
        if (token.has("lowerSegmentToken")) {
            return Math.min(reached(token.get("lowerSegmentToken")), reached(token.get("upperSegmentToken")));
        }
        return token.has("index") ? token.get("index").asLong() : token.path("globalIndex").asLong(-1);
    }
}
