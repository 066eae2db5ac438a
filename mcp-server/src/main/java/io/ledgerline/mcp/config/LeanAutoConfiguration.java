package io.ledgerline.mcp.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Leaves out the auto-configurations whose class names start with one of
 * {@code ledgerline.autoconfigure.exclude-prefixes}. The MCP server owns no data: it needs neither a
 * database nor Axon, but in the local run it shares one classpath with the apps that do. Only an
 * app that sets the property (the MCP server's {@code mcp-server.yml}) is affected.
 */
public class LeanAutoConfiguration implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String PROPERTY = "ledgerline.autoconfigure.exclude-prefixes";

    private List<String> prefixes = List.of();

    @Override
    public void setEnvironment(Environment environment) {
        String configured = environment.getProperty(PROPERTY, "");
        prefixes = List.of(configured.split(",")).stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null || prefixes.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}
