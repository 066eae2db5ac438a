package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parsing of filter values, each failure naming its parameter. */
public final class Filters {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Filters() {
    }

    /** A text filter; blank means no filter, control characters are refused. */
    public static String text(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(parameter, parameter + " must not contain control characters");
        }
        return value.trim();
    }

    /** An instant, or a date meaning its start (UTC). */
    public static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(parameter, parameter + " must be a date (2026-11-20) or an instant (2026-11-20T10:15:30Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidValueException(parameter, parameter + " must lie between the years 1 and 9999");
        }
        return instant;
    }

    public static LocalDate date(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(parameter, parameter + " is required, as a date like 2026-11-20");
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new InvalidValueException(parameter, parameter + " must lie between the years 1 and 9999");
            }
            return date;
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
