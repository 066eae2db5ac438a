package io.ledgerline.command.config;

import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.security.SecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/** Commands are for clients; operational endpoints for ops. */
@Configuration(proxyBeanMethods = false)
public class CommandSecurity {

    @Bean
    public SecurityFilterChain commandFilterChain(HttpSecurity http, SecuritySettings settings,
                                               JwtAuthenticationConverter converter) throws Exception {
        return SecurityConfiguration.chain(http, settings, converter, requests -> requests
                .requestMatchers("/api/**").hasRole(Callers.CLIENT)
                .requestMatchers("/actuator/**").hasRole(Callers.OPS));
    }
}
