package io.ledgerline.domain.shared;

/** A value that can never be valid, whatever the state of any aggregate (a negative quantity, an unknown currency). */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending field as a client sent it. */
    public String field() {
        return field;
    }
}
