package io.ledgerline.command.fulfilment;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.domain.fulfilment.FulfilmentSettings;
import io.ledgerline.domain.fulfilment.OrderFulfilment;
import io.ledgerline.infrastructure.serialization.MessageSerialization;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

/**
 * Registers the {@link OrderFulfilment} saga with its store in {@code events.saga_entry}. Sagas
 * keep their state in private fields, so they get a serializer that reads fields, unlike messages.
 */
@Configuration(proxyBeanMethods = false)
public class FulfilmentConfiguration {

    /** The processing group of the fulfilment process, as Axon names it. */
    public static final String PROCESSING_GROUP = "OrderFulfilmentProcessor";

    @Bean
    public ConfigurerModule fulfilmentSaga() {
        return configurer -> configurer.eventProcessing().registerSaga(OrderFulfilment.class,
                saga -> saga.configureSagaManager(FulfilmentSagaManager::of));
    }

    /** How many fulfilment processes are under way ({@code ledgerline.sagas.active}), read on each scrape. */
    @Bean
    public Gauge activeFulfilments(MeterRegistry meters, JdbcClient jdbc) {
        return Gauge.builder("ledgerline.sagas.active", jdbc,
                        client -> client.sql("SELECT count(*) FROM events.saga_entry").query(Long.class).single())
                .tag("saga", OrderFulfilment.class.getSimpleName())
                .description("fulfilment processes under way")
                .register(meters);
    }

    @Bean
    public FulfilmentSettings fulfilmentSettings(
            @Value("${ledgerline.fulfilment.payment-timeout:PT30S}") Duration paymentTimeout) {
        return new FulfilmentSettings(paymentTimeout);
    }

    @Bean
    public JdbcSagaStore sagaStore(ConnectionProvider connectionProvider) {
        ObjectMapper fields = MessageSerialization.messageObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        SagaSchema schema = SagaSchema.builder()
                .sagaEntryTable("events.saga_entry")
                .associationValueEntryTable("events.association_value_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build();
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(schema))
                .serializer(JacksonSerializer.builder().objectMapper(fields).lenientDeserialization().build())
                .build();
    }
}
