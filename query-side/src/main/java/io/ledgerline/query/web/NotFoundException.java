package io.ledgerline.query.web;

/** Nothing in the read model has the requested id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'", null, false, false);
    }
}
