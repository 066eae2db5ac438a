package io.ledgerline.mcp.server;

/** The REST APIs the tools forward to. */
public enum Api {
    COMMANDS("the command side"),
    QUERIES("the query side"),
    PROJECTIONS("the projections ops API");

    private final String description;

    Api(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
