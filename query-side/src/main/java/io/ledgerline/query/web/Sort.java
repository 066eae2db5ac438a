package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Map;

/**
 * A sort order a client may ask for: a field name, optionally prefixed with {@code -} for
 * descending, mapped to a column and its SQL type. Rows are always tie-broken by their id so that
 * keyset paging is stable.
 */
public record Sort(String key, Column column, boolean descending) {

    /** A sortable column and the SQL type a cursor value is cast back to. */
    public record Column(String name, String sqlType) {
    }

    /** Parses {@code requested} against the allowed field-to-column map; {@code fallback} when absent. */
    public static Sort parse(String requested, Map<String, Column> columns, String fallback) {
        String key = requested == null || requested.isBlank() ? fallback : requested.trim();
        boolean descending = key.startsWith("-");
        Column column = columns.get(descending ? key.substring(1) : key);
        if (column == null) {
            throw new InvalidValueException("sort", "sort must be one of " + List.copyOf(columns.keySet())
                    + ", optionally prefixed with '-' for descending");
        }
        return new Sort(key, column, descending);
    }

    /** The keyset condition for rows after the cursor, with {@code idColumn} as tie-breaker. */
    String after(String idColumn) {
        return "(" + column.name() + ", " + idColumn + ") " + (descending ? "<" : ">")
                + " (CAST(:cursorValue AS " + column.sqlType() + "), :cursorId)";
    }

    String orderBy(String idColumn) {
        String direction = descending ? " DESC" : " ASC";
        return column.name() + direction + ", " + idColumn + direction;
    }
}
