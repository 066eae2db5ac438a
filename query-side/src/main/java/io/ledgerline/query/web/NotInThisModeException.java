package io.ledgerline.query.web;

/** A request this deployment mode cannot serve (docs/deployment.md lists them): 501. */
public class NotInThisModeException extends RuntimeException {

    public NotInThisModeException(String message) {
        super(message, null, false, false);
    }
}
