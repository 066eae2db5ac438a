package io.ledgerline.query.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.ledgerline.query.support.ReadModel.line;
import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** One order by id, and the filters of the order list. */
class OrderQueryTest extends QuerySideTest {

    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void anOrderIsServedInFullWithDecimalAmountsAndItsVersionAsETag() {
        String skuA = unique("LAMP");
        String skuB = unique("BULB");
        Instant placed = Instant.parse("2026-03-01T09:15:30.123456Z");
        String orderId = readModel.placeOrder(unique("customer"), placed,
                line(skuA, 2, "19.99", "EUR"), line(skuB, 1, "5", "EUR"));
        readModel.confirm(orderId, placed.plusSeconds(60));
        readModel.ship(orderId, placed.plusSeconds(3600));

        HttpJson.Response response = http.get("/api/orders/" + orderId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.etag()).isEqualTo("\"2\"");
        JsonNode order = response.json();
        assertThat(order.path("orderId").asText()).isEqualTo(orderId);
        assertThat(order.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(order.path("currency").asText()).isEqualTo("EUR");
        assertThat(order.path("total").isTextual()).isTrue();
        assertThat(order.path("total").asText()).isEqualTo("44.98");
        assertThat(order.path("version").asLong()).isEqualTo(2);
        assertThat(order.path("placedAt").asText()).isEqualTo("2026-03-01T09:15:30.123456Z");
        assertThat(order.path("confirmedAt").asText()).isEqualTo("2026-03-01T09:16:30.123456Z");
        assertThat(order.path("shippedAt").asText()).isEqualTo("2026-03-01T10:15:30.123456Z");
        assertThat(order.path("updatedAt").asText()).isEqualTo("2026-03-01T10:15:30.123456Z");
        assertThat(order.has("cancelledAt")).isFalse();
        assertThat(order.has("cancelReason")).isFalse();
        JsonNode lines = order.path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("sku").asText()).isEqualTo(skuA);
        assertThat(lines.get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(lines.get(0).path("unitPrice").asText()).isEqualTo("19.99");
        assertThat(lines.get(0).path("lineTotal").asText()).isEqualTo("39.98");
        assertThat(lines.get(1).path("sku").asText()).isEqualTo(skuB);
        assertThat(lines.get(1).path("unitPrice").asText()).isEqualTo("5.00");
    }

    @Test
    void aClientHoldingTheCurrentVersionIsToldNothingChanged() {
        String orderId = readModel.placeOrder(unique("customer"), MARCH_1, line(unique("LAMP"), 1, "1.00", "EUR"));
        readModel.confirm(orderId, MARCH_1.plusSeconds(1));

        HttpJson.Response current = http.get("/api/orders/" + orderId, "If-None-Match", "\"1\"");
        HttpJson.Response stale = http.get("/api/orders/" + orderId, "If-None-Match", "\"0\"");

        assertThat(current.status()).isEqualTo(304);
        assertThat(current.body()).isEmpty();
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.field("status")).isEqualTo("CONFIRMED");
    }

    @Test
    void amountsHaveExactlyTheDecimalsOfTheOrderCurrency() {
        String orderId = readModel.placeOrder(unique("customer"), MARCH_1, line(unique("TEA"), 3, "500", "JPY"));

        JsonNode order = http.get("/api/orders/" + orderId).json();

        assertThat(order.path("currency").asText()).isEqualTo("JPY");
        assertThat(order.path("total").asText()).isEqualTo("1500");
        assertThat(order.path("lines").get(0).path("unitPrice").asText()).isEqualTo("500");
    }

    @Test
    void aCancelledOrderShowsWhenAndWhy() {
        String orderId = readModel.placeOrder(unique("customer"), MARCH_1, line(unique("DESK"), 1, "100", "EUR"));
        readModel.cancel(orderId, "customer changed their mind", MARCH_1.plusSeconds(10));

        HttpJson.Response response = http.get("/api/orders/" + orderId);

        assertThat(response.field("status")).isEqualTo("CANCELLED");
        assertThat(response.field("cancelReason")).isEqualTo("customer changed their mind");
        assertThat(response.field("cancelledAt")).isEqualTo("2026-03-01T00:00:10Z");
        assertThat(response.etag()).isEqualTo("\"1\"");
    }

    @Test
    void anUnknownOrderIsANotFoundProblem() {
        String orderId = unique("no-such-order");

        JsonNode problem = assertProblem(http.get("/api/orders/" + orderId), 404, NOT_FOUND);

        assertThat(problem.path("detail").asText()).contains(orderId);
    }

    @Test
    void theListFiltersByStatusInAnyLetterCase() {
        String customer = unique("customer");
        String placed = readModel.placeOrder(customer, MARCH_1, line("SKU-1", 1, "1.00", "EUR"));
        String confirmed = readModel.placeOrder(customer, MARCH_1, line("SKU-1", 1, "1.00", "EUR"));
        readModel.confirm(confirmed, MARCH_1.plusSeconds(1));
        String cancelled = readModel.placeOrder(customer, MARCH_1, line("SKU-1", 1, "1.00", "EUR"));
        readModel.cancel(cancelled, "duplicate", MARCH_1.plusSeconds(1));

        assertThat(ids("/api/orders?customerId=" + customer + "&status=CONFIRMED")).containsExactly(confirmed);
        assertThat(ids("/api/orders?customerId=" + customer + "&status=placed")).containsExactly(placed);
        assertThat(ids("/api/orders?customerId=" + customer + "&status=CANCELLED")).containsExactly(cancelled);
        assertThat(ids("/api/orders?customerId=" + customer + "&status=SHIPPED")).isEmpty();
    }

    @Test
    void theListFiltersByCustomer() {
        String alice = unique("alice");
        String bob = unique("bob");
        String first = readModel.placeOrder(alice, MARCH_1, line("SKU-1", 1, "1.00", "EUR"));
        String second = readModel.placeOrder(alice, MARCH_1.plusSeconds(5), line("SKU-1", 1, "1.00", "EUR"));
        String bobs = readModel.placeOrder(bob, MARCH_1, line("SKU-1", 1, "1.00", "EUR"));

        assertThat(ids("/api/orders?customerId=" + alice)).containsExactly(second, first);
        assertThat(ids("/api/orders?customerId=" + bob)).containsExactly(bobs);
        JsonNode summary = http.get("/api/orders?customerId=" + bob).json().path("items").get(0);
        assertThat(summary.path("customerId").asText()).isEqualTo(bob);
        assertThat(summary.path("total").asText()).isEqualTo("1.00");
        assertThat(summary.path("lineCount").asInt()).isEqualTo(1);
        assertThat(summary.has("lines")).isFalse();
    }

    @Test
    void placedFromIsInclusiveAndPlacedToExclusiveForDatesAndInstants() {
        String customer = unique("customer");
        String atStart = readModel.placeOrder(customer, MARCH_1, line("SKU-1", 1, "1.00", "EUR"));
        String noon = readModel.placeOrder(customer, MARCH_1.plusSeconds(12 * 3600), line("SKU-1", 1, "1.00", "EUR"));
        String lastMicro = readModel.placeOrder(customer, Instant.parse("2026-03-01T23:59:59.999999Z"),
                line("SKU-1", 1, "1.00", "EUR"));
        String nextDay = readModel.placeOrder(customer, Instant.parse("2026-03-02T00:00:00Z"),
                line("SKU-1", 1, "1.00", "EUR"));
        String before = readModel.placeOrder(customer, Instant.parse("2026-02-28T23:59:59.999999Z"),
                line("SKU-1", 1, "1.00", "EUR"));
        String list = "/api/orders?sort=placedAt&customerId=" + customer;

        assertThat(ids(list + "&placedFrom=2026-03-01&placedTo=2026-03-02")).containsExactly(atStart, noon, lastMicro);
        assertThat(ids(list + "&placedFrom=2026-03-01T12:00:00Z")).containsExactly(noon, lastMicro, nextDay);
        assertThat(ids(list + "&placedTo=2026-03-01T12:00:00Z")).containsExactly(before, atStart);
    }

    @Test
    void theListFiltersBySkuOnAnyLineAndCombinesFilters() {
        String sku = unique("RARE");
        String customer = unique("customer");
        String otherCustomer = unique("customer");
        String secondLine = readModel.placeOrder(customer, MARCH_1,
                line("SKU-1", 1, "1.00", "EUR"), line(sku, 2, "3.00", "EUR"));
        String onlyLine = readModel.placeOrder(otherCustomer, MARCH_1.plusSeconds(1), line(sku, 1, "3.00", "EUR"));
        readModel.confirm(onlyLine, MARCH_1.plusSeconds(2));
        readModel.placeOrder(customer, MARCH_1.plusSeconds(2), line("SKU-1", 1, "1.00", "EUR"));

        assertThat(ids("/api/orders?sku=" + sku)).containsExactly(onlyLine, secondLine);
        assertThat(ids("/api/orders?sku=" + sku + "&customerId=" + customer)).containsExactly(secondLine);
        assertThat(ids("/api/orders?sku=" + sku + "&status=CONFIRMED")).containsExactly(onlyLine);
        assertThat(ids("/api/orders?sku=" + sku + "&status=CONFIRMED&customerId=" + customer)).isEmpty();
    }

    private List<String> ids(String path) {
        HttpJson.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().has("nextCursor")).isFalse();
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("orderId").asText()));
        return ids;
    }
}
