package io.ledgerline.mcp.config;

import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.security.SecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The MCP endpoint needs a valid bearer token of any role; what each tool may do is decided by the
 * REST API it forwards that token to, so the rules are those of REST by construction. Operational
 * endpoints are for ops.
 */
@Configuration(proxyBeanMethods = false)
public class McpSecurity {

    @Bean
    public SecurityFilterChain mcpFilterChain(HttpSecurity http, SecuritySettings settings,
                                              JwtAuthenticationConverter converter) throws Exception {
        return SecurityConfiguration.chain(http, settings, converter, requests -> requests
                .requestMatchers("/mcp").authenticated()
                .requestMatchers("/actuator/**").hasRole(Callers.OPS));
    }
}
