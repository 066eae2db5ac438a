package io.ledgerline.infrastructure.web;

import java.io.IOException;

/** A request body grew past the configured limit while it was being read. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body is larger than the limit of " + limit + " bytes");
    }
}
