package io.ledgerline.projections.config;

import io.ledgerline.infrastructure.eventstore.TokenTables;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Tokens live in {@code read.token_entry}, next to the tables they describe, so a projection and
 * its token commit in one transaction. The event store is polled every
 * {@code ledgerline.events.poll-interval} ms when idle (Axon's default is a full second).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    public TokenSchema tokenSchema() {
        return TokenTables.schema("read.token_entry");
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         @Value("${ledgerline.events.poll-interval:100}") long pollInterval) {
        MessageMonitor<? super org.axonframework.eventhandling.EventMessage<?>> monitor =
                configuration.messageMonitor(EventStore.class, "eventStore");
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(monitor)
                .fetchDelay(pollInterval)
                .build();
    }
}
