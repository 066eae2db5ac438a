package io.ledgerline.bench.stockaxon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.domain.inventory.InventoryItem;
import io.ledgerline.domain.order.Order;
import io.ledgerline.domain.order.OrderOwners;
import io.ledgerline.domain.payment.Payment;
import io.ledgerline.domain.payment.PaymentGateway;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The stock-Axon peer of the benchmark: the domain's three aggregates on Axon's defaults. Axon's
 * event-sourcing repository (no cache, no snapshots), the JDBC storage engine with its own default
 * schema and fetch size, Axon's auto-configured Jackson serializer (its default, XStream, is kept
 * off every classpath of this project) and Axon's simple command bus.
 * The beans are declared rather than left to Axon's auto-configuration only because that orders
 * itself after Spring Boot 3 class names, which Boot 4 no longer has (ADR 0009).
 */
@SpringBootApplication
public class StockAxonApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockAxonApplication.class, args);
    }

    @Bean
    public ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(InventoryItem.class)
                .configureAggregate(Order.class)
                .configureAggregate(Payment.class);
    }

    /**
     * The one setting an Axon app on these aggregates cannot do without: derived getters such as
     * {@code Money.isZero()} are written out, so reading them back must not fail on them.
     */
    @Bean
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(DataSource dataSource, TransactionManager transactions,
                                                 @Qualifier("eventSerializer") Serializer serializer) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        return engine;
    }

    @Bean
    public EventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).build();
    }

    /** The payment provider, simulated: it approves every authorization and every capture. */
    @Bean
    public PaymentGateway simulatedPaymentProvider() {
        return new PaymentGateway() {
            @Override
            public Authorization authorize(io.ledgerline.domain.payment.PaymentId paymentId,
                                           io.ledgerline.domain.shared.Money amount, String paymentMethodToken) {
                return Authorization.approved("sim-" + UUID.randomUUID());
            }

            @Override
            public void capture(io.ledgerline.domain.payment.PaymentId paymentId, String reference,
                                io.ledgerline.domain.shared.Money amount) {
            }

            @Override
            public void refund(io.ledgerline.domain.payment.PaymentId paymentId, String reference,
                               io.ledgerline.domain.shared.Money amount) {
            }

            @Override
            public void voidAuthorization(io.ledgerline.domain.payment.PaymentId paymentId, String reference) {
            }
        };
    }

    /** No customer scopes here (no security): the aggregates never ask who owns an order. */
    @Bean
    public OrderOwners orderOwners() {
        return orderId -> Optional.empty();
    }
}
