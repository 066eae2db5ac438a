package io.ledgerline.mcp;

import io.ledgerline.infrastructure.LocalSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The MCP server process: tools for AI agents over the REST APIs. Its settings live in {@code mcp-server.yml}. */
@SpringBootApplication
public class McpServerApplication {

    /** The name of this app's configuration file, so that the apps can share one classpath. */
    public static final String CONFIG_NAME = "mcp-server";

    public static SpringApplicationBuilder builder() {
        LocalSettings.disableAxonUsageReporting();
        return new SpringApplicationBuilder(McpServerApplication.class)
                .main(McpServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
