package io.ledgerline.contract;

import io.ledgerline.client.command.api.AuthenticationApi;
import io.ledgerline.client.command.api.InventoryApi;
import io.ledgerline.client.command.api.OrdersApi;
import io.ledgerline.client.command.model.Credentials;
import io.ledgerline.client.command.model.LineRequest;
import io.ledgerline.client.command.model.OrderWritten;
import io.ledgerline.client.command.model.PaymentRequest;
import io.ledgerline.client.command.model.PlaceOrderRequest;
import io.ledgerline.client.command.model.Problem;
import io.ledgerline.client.command.model.ReceiveStockRequest;
import io.ledgerline.client.command.model.RegisterProductRequest;
import io.ledgerline.client.command.model.ReserveStockRequest;
import io.ledgerline.client.command.model.InventoryWritten;
import io.ledgerline.client.projections.api.ProjectionsApi;
import io.ledgerline.client.projections.model.ProjectionStatus;
import io.ledgerline.client.query.api.AuditApi;
import io.ledgerline.client.query.api.PaymentsApi;
import io.ledgerline.client.query.api.ReportsApi;
import io.ledgerline.client.query.model.DailySales;
import io.ledgerline.client.query.model.EventView;
import io.ledgerline.client.query.model.OrderDetail;
import io.ledgerline.client.query.model.PaymentView;
import io.ledgerline.client.query.model.StockView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The README's walkthrough, driven only through clients generated from docs/openapi, against the
 * three real apps on PostgreSQL. If a step cannot be expressed with the generated client, or its
 * answer does not parse into the documented models, the published document is wrong.
 */
class GeneratedClientWalkthroughTest {

    private static ContractSystem system;
    private static String merchant;
    private static String client;
    private static String reporter;

    @BeforeAll
    static void tokens() throws Exception {
        system = ContractSystem.get();
        merchant = token("merchant");
        client = token("c-1");
        reporter = token("reporter");
    }

    @Test
    void theWalkthroughRunsThroughTheGeneratedClient() throws Exception {
        String sku = "LAMP-" + UUID.randomUUID().toString().substring(0, 8);
        InventoryApi inventory = new InventoryApi(command(merchant));

        var registered = inventory.registerProductWithHttpInfo(new RegisterProductRequest().sku(sku).name("Desk lamp")
                .unitPrice("19.99").currency("EUR"), null);
        assertThat(registered.getStatusCode()).isEqualTo(201);
        assertThat(registered.getHeaders().get("location")).containsExactly("/api/inventory/" + sku);
        assertThat(registered.getHeaders().get("etag")).containsExactly("\"0\"");
        InventoryWritten received = inventory.receiveStock(sku, new ReceiveStockRequest().quantity(10), null, null);
        assertThat(received.getVersion()).isEqualTo(1);

        OrdersApi orders = new OrdersApi(command(client));
        String key = "order-" + UUID.randomUUID();
        PlaceOrderRequest order = new PlaceOrderRequest().customerId("c-1").currency("EUR")
                .lines(List.of(new LineRequest().sku(sku).quantity(2).unitPrice("19.99")))
                .payment(new PaymentRequest().paymentMethodToken("tok_visa"));
        var placed = orders.placeOrderWithHttpInfo(key, order);
        assertThat(placed.getStatusCode()).isEqualTo(201);
        assertThat(placed.getData().getFulfilment()).isEqualTo(OrderWritten.FulfilmentEnum.AUTOMATIC);
        String orderId = placed.getData().getOrderId();
        var replayed = orders.placeOrderWithHttpInfo(key, order);
        assertThat(replayed.getData().getOrderId()).isEqualTo(orderId);
        assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");

        var queryOrders = new io.ledgerline.client.query.api.OrdersApi(query(client));
        OrderDetail confirmed = awaitConsistent(() -> queryOrders.getOrder(orderId, 1L, null));
        assertThat(confirmed.getStatus()).isEqualTo(OrderDetail.StatusEnum.CONFIRMED);
        assertThat(confirmed.getTotal()).isEqualTo("39.98");
        assertThat(confirmed.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getSku()).isEqualTo(sku);
            assertThat(line.getLineTotal()).isEqualTo("39.98");
        });

        PaymentsApi queryPayments = new PaymentsApi(query(client));
        List<PaymentView> payments = await().atMost(Duration.ofSeconds(30)).until(
                () -> queryPayments.listPayments(orderId, null, null, null, null, null, null, null).getItems(),
                items -> !items.isEmpty());
        assertThat(payments).singleElement().satisfies(payment -> {
            assertThat(payment.getStatus()).isEqualTo(PaymentView.StatusEnum.AUTHORIZED);
            assertThat(payment.getAuthorized()).isEqualTo("39.98");
        });
        StockView stock = awaitConsistent(() -> new io.ledgerline.client.query.api.InventoryApi(query(reporter))
                .getStock(sku, 2L, null));
        assertThat(stock.getReserved()).isEqualTo(2);
        assertThat(stock.getAvailable()).isEqualTo(8);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long placedAt = placed.getData().getPosition();
        List<DailySales> sales = awaitConsistent(() -> new ReportsApi(query(reporter))
                .dailySales(today, today, sku, "EUR", placedAt)).getRows();
        assertThat(sales).singleElement().satisfies(row -> assertThat(row.getRevenue()).isEqualTo("39.98"));
        List<EventView> history = new AuditApi(query(token("auditor"))).streamHistory(sku).getEvents();
        assertThat(history).extracting(EventView::getType).startsWith("ProductRegistered", "StockReceived");
        List<ProjectionStatus> projections = new ProjectionsApi(projections(token("ops"))).listProjections();
        assertThat(projections).extracting(ProjectionStatus::getModel)
                .containsExactlyInAnyOrder(ProjectionStatus.ModelEnum.ORDERS, ProjectionStatus.ModelEnum.PAYMENTS,
                        ProjectionStatus.ModelEnum.INVENTORY, ProjectionStatus.ModelEnum.SALES);
    }

    @Test
    void aRefusedCommandSurfacesItsProblemType() throws Exception {
        String sku = "DESK-" + UUID.randomUUID().toString().substring(0, 8);
        InventoryApi inventory = new InventoryApi(command(merchant));
        inventory.registerProduct(new RegisterProductRequest().sku(sku).name("Desk").unitPrice("120.00").currency("EUR"), null);
        inventory.receiveStock(sku, new ReceiveStockRequest().quantity(8), null, null);

        var refused = catchThrowableOfType(io.ledgerline.client.command.ApiException.class, () -> inventory.reserveStock(sku,
                new ReserveStockRequest().orderId("o-contract").quantity(100), null, null));
        Problem problem = problem(refused);
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.getType()).isEqualTo(URI.create("urn:ledgerline:problem:insufficient-stock"));
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("Only 8 of " + sku + " available, 100 requested");

        var stale = catchThrowableOfType(io.ledgerline.client.command.ApiException.class,
                () -> inventory.receiveStock(sku, new ReceiveStockRequest().quantity(1), "\"0\"", null));
        Problem conflict = problem(stale);
        assertThat(conflict.getType()).isEqualTo(URI.create("urn:ledgerline:problem:version-conflict"));
        assertThat(conflict.getExpectedVersion()).isEqualTo(0);
        assertThat(conflict.getCurrentVersion()).isEqualTo(1);
    }

    @Test
    void aProblemOnTheQuerySideParsesIntoItsModelToo() throws Exception {
        var missing = catchThrowableOfType(io.ledgerline.client.query.ApiException.class,
                () -> new io.ledgerline.client.query.api.OrdersApi(query(reporter)).getOrder(UUID.randomUUID().toString(), null, null));
        var problem = io.ledgerline.client.query.ApiClient.createDefaultObjectMapper()
                .readValue(missing.getResponseBody(), io.ledgerline.client.query.model.Problem.class);

        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo(URI.create("urn:ledgerline:problem:not-found"));
    }

    private static Problem problem(io.ledgerline.client.command.ApiException e) throws Exception {
        assertThat(e).as("the command was refused").isNotNull();
        return io.ledgerline.client.command.ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    /** Reads with minVersion until the read model has caught up: a 503 not-yet-consistent is the documented "not yet". */
    private static <T> T awaitConsistent(Read<T> read) {
        AtomicReference<T> result = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(e -> e instanceof io.ledgerline.client.query.ApiException q
                        && q.getCode() == 503)
                .until(() -> {
                    result.set(read.get());
                    return true;
                });
        return result.get();
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private static String token(String user) throws Exception {
        var anonymous = new io.ledgerline.client.command.ApiClient();
        anonymous.updateBaseUri(system.commandUrl);
        var issued = new AuthenticationApi(anonymous).issueToken(new Credentials().username(user).password(user + "-password"));
        assertThat(issued.getTokenType()).isEqualTo("Bearer");
        return issued.getAccessToken();
    }

    private static io.ledgerline.client.command.ApiClient command(String token) {
        var api = new io.ledgerline.client.command.ApiClient();
        api.updateBaseUri(system.commandUrl);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return api;
    }

    private static io.ledgerline.client.query.ApiClient query(String token) {
        var api = new io.ledgerline.client.query.ApiClient();
        api.updateBaseUri(system.queryUrl);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return api;
    }

    private static io.ledgerline.client.projections.ApiClient projections(String token) {
        var api = new io.ledgerline.client.projections.ApiClient();
        api.updateBaseUri(system.projectionsUrl);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return api;
    }
}
