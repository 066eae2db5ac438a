package io.ledgerline.mcp.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code ledgerline.mcp.*} (docs/configuration.md).
 *
 * @param commandUrl     the command side's base URL, where command tools send their requests
 * @param queryUrl       the query side's base URL, for reads, reports and the audit API
 * @param projectionsUrl the projections' base URL, for the ops API
 * @param timeout        how long one forwarded request may take before the tool answers that the API is unavailable
 * @param allowedOrigins browser origins allowed to call {@code /mcp} (patterns like {@code http://localhost:*});
 *                       requests without an {@code Origin} header (agents that are not browsers) are always allowed
 */
@ConfigurationProperties("ledgerline.mcp")
public record McpSettings(URI commandUrl, URI queryUrl, URI projectionsUrl, Duration timeout,
                          List<String> allowedOrigins) {

    public McpSettings {
        commandUrl = commandUrl == null ? URI.create("http://localhost:8081") : commandUrl;
        queryUrl = queryUrl == null ? URI.create("http://localhost:8083") : queryUrl;
        projectionsUrl = projectionsUrl == null ? URI.create("http://localhost:8082") : projectionsUrl;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        allowedOrigins = allowedOrigins == null ? List.of("http://localhost:*", "http://127.0.0.1:*")
                : List.copyOf(allowedOrigins);
    }
}
