package io.ledgerline.command.support;

import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.UUID;

/**
 * Base of the command side's integration tests: the real app on a real PostgreSQL, driven over
 * HTTP, with the event store read back through SQL. Subclasses share one app and one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=command-side")
public abstract class CommandSideTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpJson http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @BeforeEach
    void client() {
        http = HttpJson.onPort(port);
    }

    /** A SKU no other test uses, registered with a price of 19.99 EUR. */
    protected String registerProduct() {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson.Response response = http.post("/api/inventory",
                "{\"sku\":\"" + sku + "\",\"name\":\"Widget\",\"unitPrice\":\"19.99\",\"currency\":\"EUR\"}");
        if (response.status() != 201) {
            throw new IllegalStateException("Registering failed: " + response);
        }
        return sku;
    }

    /** The events of one aggregate as stored, oldest first. */
    protected List<StoredEvent> eventsOf(String aggregateId) {
        return jdbc.sql("""
                        SELECT global_index, sequence_number, type, payload_type, payload_revision,
                               convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
                        FROM events.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""")
                .param(aggregateId)
                .query(StoredEvent.class)
                .list();
    }

    /** One row of the event store, payload and metadata as JSON text. */
    public record StoredEvent(long globalIndex, long sequenceNumber, String type, String payloadType,
                              String payloadRevision, String payload, String metaData) {

        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }
}
