package io.ledgerline.projections.config;

import io.ledgerline.infrastructure.eventstore.TokenTables;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.context.annotation.Bean;

/**
 * Tokens live in {@code read.token_entry}, next to the tables they describe, so a projection and
 * its token commit in one transaction.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    public TokenSchema tokenSchema() {
        return TokenTables.schema("read.token_entry");
    }
}
