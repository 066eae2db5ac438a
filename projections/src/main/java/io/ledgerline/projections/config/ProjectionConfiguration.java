package io.ledgerline.projections.config;

import io.ledgerline.infrastructure.eventstore.TokenTables;
import io.ledgerline.projections.inventory.InventoryProjection;
import io.ledgerline.projections.order.OrderProjection;
import io.ledgerline.projections.payment.PaymentProjection;
import io.ledgerline.projections.runtime.ProjectionSettings;
import io.ledgerline.projections.runtime.ReadModel;
import io.ledgerline.projections.sales.SalesProjection;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.List;

/**
 * The four read models and the tables a generation of each consists of. Tokens and dead letters
 * live in the {@code read} schema, next to the tables they describe, so a projection and its token
 * commit in one transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
@EnableScheduling
public class ProjectionConfiguration {

    @Bean
    public ReadModel ordersModel() {
        return new ReadModel(OrderProjection.GROUP, List.of("orders", "order_lines"),
                OrderProjection::new);
    }

    @Bean
    public ReadModel paymentsModel() {
        return new ReadModel(PaymentProjection.GROUP, List.of("payments"), PaymentProjection::new);
    }

    @Bean
    public ReadModel inventoryModel() {
        return new ReadModel(InventoryProjection.GROUP, List.of("inventory"), InventoryProjection::new);
    }

    @Bean
    public ReadModel salesModel() {
        // One segment: every order adds to the same per-day rows, which parallel segments would fight over.
        return new ReadModel(SalesProjection.GROUP, List.of("sales_orders", "sales_order_lines", "daily_sales"),
                SalesProjection::new, 1);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenTables.schema("read.token_entry");
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("read.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
