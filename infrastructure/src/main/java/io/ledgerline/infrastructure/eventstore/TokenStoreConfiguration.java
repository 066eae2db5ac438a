package io.ledgerline.infrastructure.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * The JDBC token store of an app that runs event processors, on the table its {@link TokenSchema}
 * bean names. Declared here rather than left to Axon's auto-configuration, which on Spring Boot 4
 * can be evaluated before the data source exists and then falls back to an in-memory store. With
 * {@code ledgerline.projections.asynchronous-commit} (on in the projections app), a {@link DerivedDataTokenStore}.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                                 @Value("${ledgerline.projections.asynchronous-commit:false}") boolean derivedData) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .claimTimeout(claimTimeout);
        return derivedData
                ? new DerivedDataTokenStore(builder, tokenSchema, ManagementFactory.getRuntimeMXBean().getName())
                : builder.build();
    }
}
