package io.ledgerline.query.web;

/** The descriptions of the parameters many query endpoints share, for their {@code @Parameter} annotations. */
public final class QueryParameters {

    public static final String MIN_VERSION = "Read your own write: wait (up to 2 s) until the item exists and its "
            + "version is at least this, the `version` a command answered; otherwise 503 `not-yet-consistent`";
    public static final String MIN_POSITION = "Read your own write: wait (up to 2 s) until the read model has processed "
            + "the event at this position, the `position` a command answered; otherwise 503 `not-yet-consistent`";
    public static final String LIMIT = "Items per page, 1 to 200 (default 50). JSON only: a CSV export refuses it";
    public static final String CURSOR = "The `nextCursor` of the previous page, with the same filters and `sort`. JSON "
            + "only: a CSV export refuses it";
    public static final String SORT = "A sort key, `-` in front for descending; ties are ordered by id. One of: ";
    public static final String FROM_INSTANT = "Inclusive lower bound: an instant (`2026-11-20T10:15:30Z`) or a date "
            + "(the start of that UTC day)";
    public static final String TO_INSTANT = "Exclusive upper bound: an instant or a date (the start of that UTC day)";
    public static final String CSV = "With `Accept: text/csv`: every matching row (not one page) as CSV with a header "
            + "line, streamed; `Content-Disposition` names the file.";

    private QueryParameters() {
    }
}
