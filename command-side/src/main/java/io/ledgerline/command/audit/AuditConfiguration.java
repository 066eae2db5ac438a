package io.ledgerline.command.audit;

import io.ledgerline.infrastructure.observability.TraceContext;
import io.ledgerline.infrastructure.security.ChannelMarks;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs the audit metadata: on commands at dispatch, on events through correlation and the hash chain. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    public RequestMetadataInterceptor requestMetadataInterceptor(TraceContext traces, ChannelMarks channels) {
        return new RequestMetadataInterceptor(traces, channels);
    }

    @Bean
    public CorrelationDataProvider causationCorrelationProvider() {
        return new CausationCorrelationProvider();
    }

    @Bean
    public InitializingBean hashChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer,
                                      ObjectProvider<EventStore> eventStores, MeterRegistry meters) {
        return () -> {
            eventStore.registerDispatchInterceptor(new EventMetrics(meters));
            // Last, because the hash covers the metadata the interceptors before it may add.
            eventStore.registerDispatchInterceptor(new HashChainInterceptor(serializer, eventStores::getObject));
        };
    }

    @Bean
    public CommandMetrics commandMetrics(MeterRegistry meters) {
        return new CommandMetrics(meters);
    }
}
