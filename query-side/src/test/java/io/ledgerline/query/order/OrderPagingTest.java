package io.ledgerline.query.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import static io.ledgerline.query.support.ReadModel.line;
import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Sorting and keyset paging of the order list, and the refusal of bad page sizes and cursors. */
class OrderPagingTest extends QuerySideTest {

    private static final Instant BASE = Instant.parse("2026-04-01T08:00:00Z");
    private static final String[] PRICES = {"1.00", "2.50", "0.99", "10.00"};
    private static final int ORDERS = 55;

    private record Placed(String id, Instant placedAt, long totalMinor) {
    }

    /**
     * {@value #ORDERS} orders of one customer: placement times repeat (to the microsecond) and so
     * do totals, so that ties on the sort value must be broken by id across page boundaries.
     */
    private List<Placed> placeOrders(String customer) {
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            Instant at = BASE.plusNanos((i % 9) * 1_234_567_000L);
            String price = PRICES[i % PRICES.length];
            int quantity = i % 3 + 1;
            String id = readModel.placeOrder(customer, at, line("SKU-1", quantity, price, "EUR"));
            placed.add(new Placed(id, at, new java.math.BigDecimal(price).movePointRight(2).longValueExact() * quantity));
        }
        return placed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"placedAt", "-placedAt", "total", "-total"})
    void walkingEveryPageReturnsEveryOrderExactlyOnceInSortOrder(String sort) {
        String customer = unique("pager");
        List<Placed> placed = placeOrders(customer);

        List<String> walked = walk("/api/orders?customerId=" + customer + "&sort=" + sort, 7, ORDERS);

        assertThat(walked).containsExactlyElementsOf(expected(placed, sort));
    }

    @Test
    void theDefaultIsNewestFirstInPagesOfFifty() {
        String customer = unique("pager");
        List<String> expected = expected(placeOrders(customer), "-placedAt");

        JsonNode first = http.get("/api/orders?customerId=" + customer).json();
        List<String> firstIds = ids(first);
        assertThat(firstIds).containsExactlyElementsOf(expected.subList(0, 50));
        assertThat(first.path("nextCursor").isTextual()).isTrue();

        JsonNode second = http.get("/api/orders?customerId=" + customer + "&sort=-placedAt&cursor="
                + first.path("nextCursor").asText()).json();
        assertThat(ids(second)).containsExactlyElementsOf(expected.subList(50, ORDERS));
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void aPageThatEndsOnTheLastOrderHasNoNextCursor() {
        String customer = unique("pager");
        placeOrders(customer);

        JsonNode exact = http.get("/api/orders?customerId=" + customer + "&limit=" + ORDERS).json();
        JsonNode oneShort = http.get("/api/orders?customerId=" + customer + "&limit=" + (ORDERS - 1)).json();
        JsonNode maximum = http.get("/api/orders?customerId=" + customer + "&limit=200").json();

        assertThat(exact.path("items")).hasSize(ORDERS);
        assertThat(exact.has("nextCursor")).isFalse();
        assertThat(oneShort.path("items")).hasSize(ORDERS - 1);
        assertThat(oneShort.has("nextCursor")).isTrue();
        assertThat(maximum.path("items")).hasSize(ORDERS);
    }

    @Test
    void pagingKeepsTheFilters() {
        String customer = unique("pager");
        List<String> confirmed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = readModel.placeOrder(customer, BASE, line("SKU-1", 1, "1.00", "EUR"));
            if (i % 2 == 0) {
                readModel.confirm(id, BASE.plusSeconds(i));
                confirmed.add(id);
            }
        }
        confirmed.sort(Comparator.naturalOrder());

        List<String> walked = walk("/api/orders?customerId=" + customer + "&status=CONFIRMED&sort=placedAt", 2,
                confirmed.size());

        assertThat(walked).containsExactlyElementsOf(confirmed);
    }

    @Test
    void aPageSizeOutsideOneToTwoHundredIsRefused() {
        for (String limit : List.of("201", "0", "-1", "2147483647")) {
            JsonNode problem = assertInvalid(http.get("/api/orders?limit=" + limit), "limit");
            assertThat(problem.path("detail").asText()).contains("200");
        }
        assertProblem(http.get("/api/orders?limit=ten"), 400, INVALID_VALUE);
    }

    @Test
    void aCursorFromAnotherSortIsRefused() {
        String customer = unique("pager");
        placeOrders(customer);
        String totalCursor = http.get("/api/orders?customerId=" + customer + "&sort=total&limit=5").field("nextCursor");
        assertThat(totalCursor).isNotBlank();

        JsonNode problem = assertInvalid(http.get("/api/orders?customerId=" + customer + "&sort=placedAt&cursor="
                + totalCursor), "cursor");
        assertInvalid(http.get("/api/orders?customerId=" + customer + "&cursor=" + totalCursor), "cursor");
        assertThat(problem.path("detail").asText()).contains("total");
    }

    @Test
    void aCursorThisApiDidNotHandOutIsRefused() {
        for (String cursor : List.of("not-a-cursor", "%21%21%21", cursor("placedAt", "x"))) {
            assertInvalid(http.get("/api/orders?sort=placedAt&cursor=" + cursor), "cursor");
        }
    }

    @Test
    void aTamperedCursorValueIsRefusedNotAServerError() {
        assertInvalid(http.get("/api/orders?sort=placedAt&cursor=" + cursor("placedAt", "soon", "some-id")), "cursor");
        assertInvalid(http.get("/api/orders?sort=total&cursor=" + cursor("total", "lots", "some-id")), "cursor");
    }

    private static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> expected(List<Placed> placed, String sort) {
        Comparator<Placed> byValue = sort.endsWith("placedAt")
                ? Comparator.comparing(Placed::placedAt)
                : Comparator.comparingLong(Placed::totalMinor);
        Comparator<Placed> order = byValue.thenComparing(Placed::id);
        return placed.stream().sorted(sort.startsWith("-") ? order.reversed() : order).map(Placed::id).toList();
    }

    /**
     * Follows nextCursor from the first page to the last, checking on the way that every page is
     * full but the last, which holds the rest, and that only the last one lacks a cursor.
     */
    private List<String> walk(String query, int limit, int total) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            HttpJson.Response response = http.get(query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = response.json();
            int remaining = total - walked.size();
            assertThat(page.path("items").size()).as("page after %d of %d orders", walked.size(), total)
                    .isEqualTo(Math.min(limit, remaining));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            assertThat(cursor != null).as("a next cursor after %d of %d orders", walked.size() + limit, total)
                    .isEqualTo(remaining > limit);
            walked.addAll(ids(page));
        } while (cursor != null);
        return walked;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("orderId").asText()));
        return ids;
    }
}
