package io.ledgerline.command.config;

import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.security.SecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Orders, payments and reservations are for clients (each for its own customer); the stock room
 * (registering products, receiving and adjusting stock) is the merchant's; operational endpoints
 * are for ops.
 */
@Configuration(proxyBeanMethods = false)
public class CommandSecurity {

    @Bean
    public SecurityFilterChain commandFilterChain(HttpSecurity http, SecuritySettings settings,
                                               JwtAuthenticationConverter converter) throws Exception {
        return SecurityConfiguration.chain(http, settings, converter, requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/inventory", "/api/inventory/*/receipts", "/api/inventory/*/adjustments")
                .hasRole(Callers.MERCHANT)
                .requestMatchers("/api/inventory/*/reservations/**", "/api/inventory/*/reservations")
                .hasAnyRole(Callers.CLIENT, Callers.MERCHANT)
                .requestMatchers("/api/**").hasRole(Callers.CLIENT)
                .requestMatchers("/actuator/**").hasRole(Callers.OPS));
    }
}
