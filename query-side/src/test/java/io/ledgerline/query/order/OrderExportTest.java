package io.ledgerline.query.order;

import io.ledgerline.query.support.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static io.ledgerline.query.support.ReadModel.line;
import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code Accept: text/csv} on the order list: every matching order, not one page. */
class OrderExportTest extends QuerySideTest {

    private static final Instant MAY_1 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void exportsAHeaderAndEveryMatchingOrderAsAnAttachment() {
        String customer = unique("csv");
        String older = readModel.placeOrder(customer, MAY_1, line("SKU-1", 2, "19.99", "EUR"), line("SKU-2", 1, "5", "EUR"));
        String newer = readModel.placeOrder(customer, MAY_1.plusSeconds(60), line("SKU-1", 1, "700", "JPY"));
        readModel.confirm(newer, MAY_1.plusSeconds(120));
        readModel.placeOrder(unique("someone-else"), MAY_1, line("SKU-1", 1, "1.00", "EUR"));

        HttpResponse<String> response = getCsv("/api/orders?customerId=" + customer);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"orders.csv\"");
        List<List<String>> records = csvRecords(response.body());
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactly("orderId", "customerId", "status", "currency", "total", "lineCount",
                "placedAt", "updatedAt", "version");
        assertThat(records.get(1)).containsExactly(newer, customer, "CONFIRMED", "JPY", "700", "1",
                "2026-05-01T10:01:00Z", "2026-05-01T10:02:00Z", "1");
        assertThat(records.get(2)).containsExactly(older, customer, "PLACED", "EUR", "44.98", "2",
                "2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z", "0");
    }

    @Test
    void quotesValuesWithCommasAndQuotes() {
        String customer = "ACME, \"Intl\" " + unique("c");
        String orderId = readModel.placeOrder(customer, MAY_1, line("SKU-1", 1, "1.00", "EUR"));

        HttpResponse<String> response = getCsv("/api/orders?customerId=" + encode(customer));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(",\"" + customer.replace("\"", "\"\"") + "\",PLACED,");
        List<List<String>> records = csvRecords(response.body());
        assertThat(records).hasSize(2);
        assertThat(records.get(1)).startsWith(orderId, customer, "PLACED");
        assertThat(records.get(1)).hasSize(records.get(0).size());
    }

    @Test
    void exportsMoreThanTheLargestPageInTheRequestedSortAndFilter() {
        String customer = unique("bulk");
        for (int i = 0; i < 230; i++) {
            String id = readModel.placeOrder(customer, MAY_1.plusSeconds(i), line("SKU-1", 1, (i % 17 + 1) + ".00", "EUR"));
            if (i % 10 == 0) {
                readModel.cancel(id, "test", MAY_1.plusSeconds(1000));
            }
        }

        List<List<String>> all = csvRecords(getCsv("/api/orders?customerId=" + customer + "&sort=total").body());
        List<List<String>> cancelled = csvRecords(getCsv("/api/orders?customerId=" + customer + "&status=CANCELLED").body());

        assertThat(all).hasSize(231);
        assertThat(all.subList(1, all.size())).extracting(row -> row.get(0)).doesNotHaveDuplicates();
        assertThat(all.subList(1, all.size())).extracting(row -> new java.math.BigDecimal(row.get(4)))
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(cancelled).hasSize(24);
        assertThat(cancelled.subList(1, cancelled.size())).extracting(row -> row.get(2)).containsOnly("CANCELLED");
    }

    @Test
    void jsonStaysTheDefaultUnlessCsvIsAskedFor() {
        String customer = unique("negotiation");
        String orderId = readModel.placeOrder(customer, MAY_1, line("SKU-1", 1, "1.00", "EUR"));

        for (String accept : List.of("*/*", "application/json", "application/json, text/csv;q=0.5")) {
            var response = http.get("/api/orders?customerId=" + customer, "Accept", accept);
            assertThat(response.status()).as(accept).isEqualTo(200);
            assertThat(response.contentType()).as(accept).startsWith("application/json");
            assertThat(response.json().path("items").get(0).path("orderId").asText()).isEqualTo(orderId);
        }
    }

    @Test
    void aBadFilterOnAnExportIsAProblemNotACsv() {
        HttpResponse<String> response = getCsv("/api/orders?status=LOST");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(INVALID_VALUE);
    }
}
