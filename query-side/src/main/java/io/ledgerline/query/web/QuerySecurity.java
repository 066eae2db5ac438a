package io.ledgerline.query.web;

import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.security.SecuritySettings;
import io.ledgerline.query.console.ConsoleConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Orders and payments for clients (their own only) and reporters; stock and reports for reporters;
 * the audit API for auditors; operational endpoints for ops. The console's static files are open.
 */
@Configuration(proxyBeanMethods = false)
public class QuerySecurity {

    @Bean
    public SecurityFilterChain queryFilterChain(HttpSecurity http, SecuritySettings settings,
                                             JwtAuthenticationConverter converter) throws Exception {
        return SecurityConfiguration.chain(http, settings, converter, requests -> requests
                // The console's files and settings: what its pages show comes from the APIs below, with the caller's token.
                .requestMatchers(HttpMethod.GET, "/console", ConsoleConfiguration.PATH + "**").permitAll()
                .requestMatchers("/api/orders", "/api/orders/**", "/api/payments", "/api/payments/**")
                .hasAnyRole(Callers.CLIENT, Callers.REPORTER)
                .requestMatchers("/api/inventory", "/api/inventory/**", "/api/reports/**").hasRole(Callers.REPORTER)
                .requestMatchers("/api/audit/**").hasRole(Callers.AUDITOR)
                .requestMatchers("/actuator/**").hasRole(Callers.OPS));
    }
}
