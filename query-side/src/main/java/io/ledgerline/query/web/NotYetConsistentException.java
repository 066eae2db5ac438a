package io.ledgerline.query.web;

import java.util.Map;

/** The read model has not caught up with the write the client asked to see, within the wait allowed. */
public class NotYetConsistentException extends RuntimeException {

    private final Map<String, Object> progress;

    public NotYetConsistentException(String message, Map<String, Object> progress) {
        super(message, null, false, false);
        this.progress = progress;
    }

    /** What was required and how far the read model got, for the client to judge the lag. */
    public Map<String, Object> progress() {
        return progress;
    }
}
