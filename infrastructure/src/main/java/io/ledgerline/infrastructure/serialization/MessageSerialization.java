package io.ledgerline.infrastructure.serialization;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.ledgerline.domain.shared.Money;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson for every Axon serializer (general, messages, events); XStream is not on the classpath.
 * The mapper is Axon's own, apart from the web layer's: stored events are read leniently (a field
 * added later is ignored), while API requests are strict.
 */
@Configuration(proxyBeanMethods = false)
public class MessageSerialization {

    /** The mapper behind every stored message; exposed for code that reads stored payloads directly. */
    public static ObjectMapper messageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new IdentifierModule())
                .addMixIn(Money.class, StoredMoney.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The mapper for an aggregate's own state (its fields, whatever their visibility), as the
     * snapshots store it and the audit API's time travel shows it.
     */
    public static ObjectMapper aggregateStateMapper() {
        return messageObjectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /** Snapshots of aggregates (docs/configuration.md, {@code ledgerline.snapshots.every}). */
    @Bean
    @Qualifier("snapshotSerializer")
    public Serializer snapshotSerializer() {
        return JacksonSerializer.builder().objectMapper(aggregateStateMapper()).lenientDeserialization().build();
    }

    /**
     * Money is stored as what it is, minor units and currency: not the derived {@code zero} that
     * {@code isZero()} would add to every stored amount. Events stored with it still read.
     */
    @JsonIgnoreProperties("zero")
    private abstract static class StoredMoney {
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(messageObjectMapper()).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }
}
