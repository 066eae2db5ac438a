package io.ledgerline.infrastructure.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.payment.PaymentId;

import java.io.IOException;
import java.util.function.Function;

/**
 * Writes the domain's typed identifiers as plain JSON strings ({@code "orderId": "…"}), so stored
 * events read naturally and do not depend on how the id records are shaped.
 */
public class IdentifierModule extends SimpleModule {

    public IdentifierModule() {
        super("ledgerline-identifiers");
        register(OrderId.class, OrderId::new);
        register(PaymentId.class, PaymentId::new);
        register(CustomerId.class, CustomerId::new);
        register(Sku.class, Sku::new);
    }

    private <T> void register(Class<T> type, Function<String, T> factory) {
        addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.toString());
            }
        });
        addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return factory.apply(parser.getValueAsString());
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return factory.apply(key);
            }
        });
        addKeySerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeFieldName(value.toString());
            }
        });
    }
}
