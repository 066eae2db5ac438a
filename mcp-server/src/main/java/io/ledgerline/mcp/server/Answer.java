package io.ledgerline.mcp.server;

/** What a REST API answered a forwarded request: its status, content type and body. */
public record Answer(int status, String contentType, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public boolean json() {
        return contentType != null && contentType.contains("json");
    }
}
