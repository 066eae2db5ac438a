package io.ledgerline.command.audit;

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
    public RequestMetadataInterceptor requestMetadataInterceptor() {
        return new RequestMetadataInterceptor();
    }

    @Bean
    public CorrelationDataProvider causationCorrelationProvider() {
        return new CausationCorrelationProvider();
    }

    @Bean
    public InitializingBean hashChain(EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer,
                                      ObjectProvider<EventStore> eventStores) {
        return () -> eventStore.registerDispatchInterceptor(new HashChainInterceptor(serializer, eventStores::getObject));
    }
}
