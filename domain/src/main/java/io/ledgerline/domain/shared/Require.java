package io.ledgerline.domain.shared;

/** Guards for command and value-object fields; each failure names the field it concerns. */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidValueException(field, field + " must be positive");
        }
        return value;
    }
}
