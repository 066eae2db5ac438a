package io.ledgerline.projections.config;

import io.ledgerline.infrastructure.security.Callers;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.security.SecuritySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/** The ops API and the operational endpoints are for ops only. */
@Configuration(proxyBeanMethods = false)
public class ProjectionsSecurity {

    @Bean
    public SecurityFilterChain projectionsFilterChain(HttpSecurity http, SecuritySettings settings,
                                                   JwtAuthenticationConverter converter) throws Exception {
        return SecurityConfiguration.chain(http, settings, converter, requests -> requests
                .requestMatchers("/ops/**", "/actuator/**").hasRole(Callers.OPS));
    }
}
