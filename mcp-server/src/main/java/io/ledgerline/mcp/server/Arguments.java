package io.ledgerline.mcp.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** A tool call's arguments, read after they passed the tool's input schema (so their JSON types are right). */
public final class Arguments {

    private final Map<String, Object> values;

    public Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    public String text(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    public Long number(String name) {
        Object value = values.get(name);
        return value instanceof Number number ? number.longValue() : null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    /** The named arguments that were given, in the order named, for a query string. */
    public Map<String, Object> only(String... names) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String name : names) {
            if (values.get(name) != null) {
                picked.put(name, values.get(name));
            }
        }
        return picked;
    }
}
