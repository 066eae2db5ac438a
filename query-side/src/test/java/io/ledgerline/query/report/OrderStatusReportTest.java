package io.ledgerline.query.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ledgerline.query.support.ReadModel.line;
import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Orders per status: always all four statuses, counting what the order table holds. */
class OrderStatusReportTest extends QuerySideTest {

    private static final Instant AUGUST_1 = Instant.parse("2026-08-01T10:00:00Z");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void countsMoveWithEveryTransitionAndMatchTheOrders() {
        Map<String, Long> before = counts();
        String shipped = place();
        readModel.confirm(shipped, AUGUST_1.plusSeconds(1));
        readModel.ship(shipped, AUGUST_1.plusSeconds(2));
        String confirmed = place();
        readModel.confirm(confirmed, AUGUST_1.plusSeconds(1));
        String cancelled = place();
        readModel.cancel(cancelled, "duplicate", AUGUST_1.plusSeconds(1));
        place();

        Map<String, Long> after = counts();

        assertThat(after.keySet()).containsExactly("PLACED", "CONFIRMED", "SHIPPED", "CANCELLED");
        assertThat(after.get("PLACED") - before.get("PLACED")).isEqualTo(1);
        assertThat(after.get("CONFIRMED") - before.get("CONFIRMED")).isEqualTo(1);
        assertThat(after.get("SHIPPED") - before.get("SHIPPED")).isEqualTo(1);
        assertThat(after.get("CANCELLED") - before.get("CANCELLED")).isEqualTo(1);
        for (Map.Entry<String, Long> count : after.entrySet()) {
            long orders = jdbc.sql("SELECT count(*) FROM read.orders WHERE status = ?").param(count.getKey())
                    .query(Long.class).single();
            assertThat(count.getValue()).as(count.getKey()).isEqualTo(orders);
        }
    }

    @Test
    void exportsAllFourStatusesAsCsv() {
        Map<String, Long> counts = counts();

        HttpResponse<String> response = getCsv("/api/reports/order-status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"order-status.csv\"");
        assertThat(csvRecords(response.body())).containsExactly(
                List.of("status", "count"),
                List.of("PLACED", counts.get("PLACED").toString()),
                List.of("CONFIRMED", counts.get("CONFIRMED").toString()),
                List.of("SHIPPED", counts.get("SHIPPED").toString()),
                List.of("CANCELLED", counts.get("CANCELLED").toString()));
    }

    @Test
    void takesNoParameters() {
        assertInvalid(http.get("/api/reports/order-status?status=PLACED"), "status");
    }

    private String place() {
        return readModel.placeOrder(unique("status"), AUGUST_1, line("SKU-1", 1, "1.00", "EUR"));
    }

    private Map<String, Long> counts() {
        HttpJson.Response response = http.get("/api/reports/order-status");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (JsonNode row : response.json()) {
            counts.put(row.path("status").asText(), row.path("count").asLong());
        }
        return counts;
    }
}
