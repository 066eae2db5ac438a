package io.ledgerline.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The configured page sizes: {@code ledgerline.query.default-page-size} and the hard {@code max-page-size}. */
@Component
public class Paging {

    private final int defaultSize;
    private final int maxSize;

    public Paging(@Value("${ledgerline.query.default-page-size:50}") int defaultSize,
                  @Value("${ledgerline.query.max-page-size:200}") int maxSize) {
        if (maxSize < 1 || defaultSize < 1 || defaultSize > maxSize) {
            throw new IllegalStateException("ledgerline.query.default-page-size (" + defaultSize
                    + ") must be between 1 and ledgerline.query.max-page-size (" + maxSize + ")");
        }
        this.defaultSize = defaultSize;
        this.maxSize = maxSize;
    }

    public PageRequest request(Integer limit) {
        return PageRequest.of(limit, defaultSize, maxSize);
    }
}
