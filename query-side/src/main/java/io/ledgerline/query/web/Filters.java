package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parsing of filter values, each failure naming its parameter. */
public final class Filters {

    private Filters() {
    }

    /** A text filter; blank means no filter. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An instant, or a date meaning its start (UTC). */
    public static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(parameter, parameter + " must be a date (2026-11-20) or an instant (2026-11-20T10:15:30Z)");
        }
    }

    public static LocalDate date(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(parameter, parameter + " is required, as a date like 2026-11-20");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(parameter, parameter + " must be a date like 2026-11-20");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(parameter, parameter + " must be one of " + java.util.List.of(type.getEnumConstants()));
        }
    }
}
