package io.ledgerline.projections.runtime;

import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.CustomerId;
import io.ledgerline.domain.order.OrderCancelled;
import io.ledgerline.domain.order.OrderConfirmed;
import io.ledgerline.domain.order.OrderId;
import io.ledgerline.domain.order.OrderLine;
import io.ledgerline.domain.order.OrderPlaced;
import io.ledgerline.domain.order.OrderShipped;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.projections.order.OrderProjection;
import io.ledgerline.projections.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.ledgerline.projections.support.ReadModelDatabase.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** A batch's collected writes land exactly as the same writes made one at a time, in far fewer statements. */
class RowWritesTest {

    private static final Instant AT = Instant.parse("2025-04-01T08:00:00Z");

    private static ReadModelDatabase database;
    private static NamedParameterJdbcTemplate named;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.migrated();
        named = new NamedParameterJdbcTemplate(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aBatchOfLifecyclesEndsInTheSameRowsAsOneEventAtATimeWithAStatementPerRoundAndSql() throws Exception {
        List<OrderId> oneByOne = ids(5);
        List<OrderId> batched = ids(5);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(new OrderProjection(new ReadModelSql(database.jdbc(), 1)));

        oneAtATime(handlers, oneByOne);
        RowWrites writes = collected(handlers, batched);
        assertThat(orders(batched)).as("nothing is written before the flush").isEmpty();

        int statements = writes.flush(named);

        // Per order: its row, its two lines, its confirmation, its shipping or cancellation, one round
        // each; each round sends one statement per SQL text for all five orders (the last round two).
        assertThat(statements).isEqualTo(6);
        assertThat(withoutIds(orders(batched))).isEqualTo(withoutIds(orders(oneByOne)));
        assertThat(database.rows("SELECT * FROM read.order_lines WHERE order_id = ?", batched.get(0).value()))
                .hasSize(2);
    }

    @Test
    void replayingABatchChangesNothing() throws Exception {
        List<OrderId> ids = ids(3);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(new OrderProjection(new ReadModelSql(database.jdbc(), 1)));
        collected(handlers, ids).flush(named);
        List<Map<String, Object>> once = orders(ids);

        collected(handlers, ids).flush(named);

        assertThat(orders(ids)).isEqualTo(once);
        assertThat(database.rows("SELECT * FROM read.order_lines WHERE order_id = ?", ids.get(0).value())).hasSize(2);
    }

    @Test
    void aBulkFlushSendsPlainInsertsByCopyAndEndsInTheSameRowsAsOneEventAtATime() throws Exception {
        List<OrderId> oneByOne = ids(4);
        List<OrderId> copied = ids(4);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(new OrderProjection(new ReadModelSql(database.jdbc(), 1)));
        oneAtATime(handlers, oneByOne);
        RowWrites writes = collected(handlers, copied);

        int statements = writes.flush(named, new CopyInserts());

        assertThat(statements).as("a COPY counts as one statement, as a JDBC batch does").isEqualTo(6);
        assertThat(withoutIds(orders(copied))).isEqualTo(withoutIds(orders(oneByOne)));
        assertThat(database.rows("SELECT line_no, sku, quantity, unit_price_minor FROM read.order_lines "
                + "WHERE order_id = ? ORDER BY line_no", copied.get(0).value()))
                .isEqualTo(database.rows("SELECT line_no, sku, quantity, unit_price_minor FROM read.order_lines "
                        + "WHERE order_id = ? ORDER BY line_no", oneByOne.get(0).value()));
        RowWrites replay = new RowWrites();
        replay.addAll(RowWrites.collecting(() -> lifecycle(handlers, copied.get(0), true)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay.flush(named, new CopyInserts()))
                .as("the orders went by COPY, which refuses a row that is there already")
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void copiedRowsEqualInsertedOnesForAwkwardTextAndTimestampsAndARowThatIsThereAlreadyFailsTheCopy() throws Exception {
        String sku = unique("COPY");
        String inserted = unique("INSERTED");
        // Tab, newline, CR, backslash, a literal \N and a character outside the BMP; a timestamp on
        // the half microsecond, which pgjdbc rounds up and the server would round to even.
        String name = "Desk\tlamp \\ 2\nnew\rline \\N \uD83D\uDE00";
        Instant at = AT.plusNanos(2_500);
        RowWrites writes = register(sku, name, at);
        RowWrites again = register(sku, name, at);

        writes.flush(named, new CopyInserts());
        register(inserted, name, at).flush(named);

        Map<String, Object> row = new java.util.HashMap<>(database.rows("SELECT * FROM read.inventory WHERE sku = ?", sku).get(0));
        Map<String, Object> reference = new java.util.HashMap<>(
                database.rows("SELECT * FROM read.inventory WHERE sku = ?", inserted).get(0));
        row.remove("sku");
        reference.remove("sku");
        assertThat(row).isEqualTo(reference);
        assertThat(row.get("name")).isEqualTo(name);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> again.flush(named, new CopyInserts()))
                .as("where the insert would have done nothing, the COPY fails and the bulk build hands over")
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        again.flush(named);
        assertThat(database.rows("SELECT * FROM read.inventory WHERE sku = ?", sku)).hasSize(1);
    }

    /** The row writes of a product's registration. */
    private static RowWrites register(String sku, String name, Instant at) throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(
                new io.ledgerline.projections.inventory.InventoryProjection(new ReadModelSql(database.jdbc(), 1)));
        Object registered = new io.ledgerline.domain.inventory.ProductRegistered(new Sku(sku), name, new Money(1999, "EUR"));
        RowWrites writes = new RowWrites();
        writes.addAll(RowWrites.collecting(() -> handlers.handle(new GenericDomainEventMessage<>("InventoryItem", sku, 0,
                registered, MetaData.emptyInstance(), java.util.UUID.randomUUID().toString(), at))));
        return writes;
    }

    /** Each order's lifecycle written at once, event by event; every other order is shipped, the rest cancelled. */
    private static void oneAtATime(AnnotationEventHandlerAdapter handlers, List<OrderId> ids) throws Exception {
        for (int i = 0; i < ids.size(); i++) {
            lifecycle(handlers, ids.get(i), i % 2 == 0);
        }
    }

    /** The same lifecycles as {@link #oneAtATime}, collected for one flush. */
    private static RowWrites collected(AnnotationEventHandlerAdapter handlers, List<OrderId> ids) throws Exception {
        RowWrites writes = new RowWrites();
        for (int i = 0; i < ids.size(); i++) {
            OrderId id = ids.get(i);
            boolean ship = i % 2 == 0;
            writes.addAll(RowWrites.collecting(() -> lifecycle(handlers, id, ship)));
        }
        return writes;
    }

    /** Placed, confirmed, then shipped or cancelled, delivered as the processor delivers them. */
    private static void lifecycle(AnnotationEventHandlerAdapter handlers, OrderId id, boolean ship) throws Exception {
        List<OrderLine> lines = List.of(new OrderLine(new Sku("SKU-A"), 2, new Money(1999, "EUR")),
                new OrderLine(new Sku("SKU-B"), 1, new Money(450, "EUR")));
        deliver(handlers, id, 0, new OrderPlaced(id, new CustomerId("customer-1"), lines, new Money(4448, "EUR")));
        deliver(handlers, id, 1, new OrderConfirmed(id));
        deliver(handlers, id, 2, ship ? new OrderShipped(id) : new OrderCancelled(id, "changed my mind"));
    }

    private static void deliver(AnnotationEventHandlerAdapter handlers, OrderId id, long sequence, Object payload)
            throws Exception {
        handlers.handle(new GenericDomainEventMessage<>("Order", id.value(), sequence, payload, MetaData.emptyInstance(),
                java.util.UUID.randomUUID().toString(), AT.plusSeconds(60 * sequence)));
    }

    private static List<OrderId> ids(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new OrderId(unique("order"))).toList();
    }

    private static List<Map<String, Object>> orders(List<OrderId> ids) {
        return ids.stream().flatMap(id -> database.rows("SELECT * FROM read.orders WHERE order_id = ?", id.value())
                .stream()).toList();
    }

    private static List<Map<String, Object>> withoutIds(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> copy = new java.util.TreeMap<>(row);
            copy.remove("order_id");
            return (Map<String, Object>) copy;
        }).toList();
    }
}
