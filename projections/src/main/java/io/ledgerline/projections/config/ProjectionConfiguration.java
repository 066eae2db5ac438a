package io.ledgerline.projections.config;

import io.ledgerline.infrastructure.eventstore.TokenTables;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Tokens live in {@code read.token_entry}, next to the tables they describe, so a projection and
 * its token commit in one transaction.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    /**
     * A segment that has no events of its own still moves its token on as the stream passes it;
     * Axon stores that advance only when the segment has been idle for this long (default 5 s).
     * Read-your-writes waits until every segment has passed a position, so keep it short.
     */
    @Bean
    public ConfigurerModule idleTokenStorage(
            @Value("${ledgerline.projections.idle-token-interval:PT0.5S}") Duration interval) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.claimExtensionThreshold(interval.toMillis())));
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenTables.schema("read.token_entry");
    }
}
