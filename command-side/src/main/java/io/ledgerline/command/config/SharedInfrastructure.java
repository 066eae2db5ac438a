package io.ledgerline.command.config;

import io.ledgerline.infrastructure.eventstore.EventStoreConfiguration;
import io.ledgerline.infrastructure.eventstore.TokenStoreConfiguration;
import io.ledgerline.infrastructure.observability.ObservabilityConfiguration;
import io.ledgerline.infrastructure.openapi.OpenApiConfiguration;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.serialization.MessageSerialization;
import io.ledgerline.infrastructure.web.WebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The infrastructure this app shares with the others: serializers, the event store, web limits, security, tracing and API docs.
 * Kept out of the application class so that test slices load only what they ask for.
 */
@Configuration(proxyBeanMethods = false)
@Import({MessageSerialization.class, EventStoreConfiguration.class, TokenStoreConfiguration.class, WebConfiguration.class, SecurityConfiguration.class,
        ObservabilityConfiguration.class, OpenApiConfiguration.class})
public class SharedInfrastructure {
}
