package io.ledgerline.infrastructure.notification;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a notification on {@link Channels#READ_MODELS} says: the rows of a read model with these
 * keys changed ({@code rows:orders|id1,id2}, or {@code rows:orders|*} for any), or its processors'
 * tokens moved ({@code tokens:orders|*}). The projections send them, the query side's waits read them.
 *
 * @param keys the keys whose rows changed; null for "any"
 */
public record ReadModelNotice(Kind kind, String model, Set<String> keys) {

    /** Rows changed, or tokens moved. */
    public enum Kind { ROWS, TOKENS }

    /** The topic under which the projections announce changed rows of {@code model}. */
    public static String rowsTopic(String model) {
        return "rows:" + model;
    }

    /** The topic under which the projections announce moved tokens of {@code model}. */
    public static String tokensTopic(String model) {
        return "tokens:" + model;
    }

    /** Whether this notice may concern the row of {@code model} with {@code key}. */
    public boolean concernsRow(String model, String key) {
        return kind == Kind.ROWS && this.model.equals(model) && (keys == null || keys.contains(key));
    }

    /** Whether this notice says the tokens of {@code model} moved. */
    public boolean concernsTokens(String model) {
        return kind == Kind.TOKENS && this.model.equals(model);
    }

    /** The notice a payload carries; null if it is not one. */
    public static ReadModelNotice parse(String payload) {
        if (payload == null) {
            return null;
        }
        int colon = payload.indexOf(':');
        int bar = payload.indexOf('|');
        if (colon < 0 || bar < colon) {
            return null;
        }
        Kind kind = switch (payload.substring(0, colon)) {
            case "rows" -> Kind.ROWS;
            case "tokens" -> Kind.TOKENS;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        String keys = payload.substring(bar + 1);
        return new ReadModelNotice(kind, payload.substring(colon + 1, bar),
                keys.equals("*") ? null : Arrays.stream(keys.split(",")).collect(Collectors.toUnmodifiableSet()));
    }
}
