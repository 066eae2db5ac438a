package io.ledgerline.query.web;

import io.ledgerline.domain.shared.InvalidValueException;

/** The size of a page a client asked for, within the configured hard maximum. */
public record PageRequest(int limit) {

    public static PageRequest of(Integer requested, int defaultSize, int maxSize) {
        int limit = requested == null ? defaultSize : requested;
        if (limit < 1 || limit > maxSize) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + maxSize);
        }
        return new PageRequest(limit);
    }
}
