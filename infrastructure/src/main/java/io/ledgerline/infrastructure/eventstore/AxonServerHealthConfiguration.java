package io.ledgerline.infrastructure.eventstore;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The {@code axonServer} health indicator the {@code axonserver} profile's readiness groups name:
 * up while every context this app uses is connected. Axon 4.13 registers its own only on Spring
 * Boot 3's health API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EventStoreConfiguration.AXON_SERVER_ENABLED, havingValue = "true")
public class AxonServerHealthConfiguration {

    @Bean
    public HealthIndicator axonServerHealthIndicator(AxonServerConnectionManager connections) {
        return () -> {
            Map<String, Boolean> contexts = connections.connections();
            Health.Builder health = !contexts.isEmpty() && !contexts.containsValue(false) ? Health.up() : Health.down();
            contexts.forEach((context, connected) -> health.withDetail(context + ".connection.active", connected));
            return health.build();
        };
    }
}
