package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A keyset cursor: the sort key and the sort value and id of the last row of a page. Opaque to
 * clients; a cursor made for one sort order is refused for another.
 */
public record Cursor(String sort, String value, String id) {

    private static final String SEPARATOR = "\u001f";

    public String encode() {
        String raw = sort + SEPARATOR + value + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; null when there is none. */
    public static Cursor decode(String encoded, String expectedSort) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 3) {
            throw new InvalidValueException("cursor", "cursor is not one this API handed out");
        }
        if (!parts[0].equals(expectedSort)) {
            throw new InvalidValueException("cursor", "cursor belongs to sort '" + parts[0] + "', not '" + expectedSort + "'");
        }
        return new Cursor(parts[0], parts[1], parts[2]);
    }
}
