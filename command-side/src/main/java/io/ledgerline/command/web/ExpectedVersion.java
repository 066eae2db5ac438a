package io.ledgerline.command.web;

import io.ledgerline.domain.shared.InvalidValueException;

/**
 * Reads the version a client last saw from {@code If-Match} (the {@code ETag} of an earlier write,
 * e.g. {@code "3"}). Absent means "whatever the current version is".
 */
public final class ExpectedVersion {

    public static final String HEADER = "If-Match";

    private ExpectedVersion() {
    }

    public static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidValueException(HEADER, "If-Match must be the ETag of an earlier response, e.g. \"3\"");
    }
}
