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
        int offset = unstorable(value);
        if (offset >= 0) {
            throw new InvalidValueException(field, field + " must not contain control characters, unpaired surrogates "
                    + "or Unicode noncharacters (found one at offset " + offset + ")");
        }
        return value;
    }

    /**
     * Where {@code value} holds a character that has no place in text kept forever in an event:
     * a control character (NUL, which no PostgreSQL text column can store, among them), half of a
     * surrogate pair, or a noncharacter (U+FDD0 to U+FDEF, U+xxFFFE, U+xxFFFF); -1 where none.
     */
    static int unstorable(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            boolean noncharacter = (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE || noncharacter) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidValueException(field, field + " must be positive");
        }
        return value;
    }
}
