package io.ledgerline.query.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.ledgerline.query.support.ReadModel.line;
import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Daily sales and sales per SKU over a range of UTC days, from orders placed through the real
 * projections. Each test uses a year no other test places orders in.
 */
class SalesReportTest extends QuerySideTest {

    @Test
    void dailySalesCountsEachOrderOnItsUtcDayAndDropsCancelledOnes() {
        String a = unique("RPT-A");
        String b = unique("RPT-B");
        readModel.placeOrder(unique("c"), Instant.parse("2041-01-09T23:59:59Z"), line(a, 7, "10.00", "EUR"));
        readModel.placeOrder(unique("c"), Instant.parse("2041-01-10T00:00:00Z"),
                line(a, 2, "10.00", "EUR"), line(b, 1, "4.50", "EUR"));
        readModel.placeOrder(unique("c"), Instant.parse("2041-01-10T18:00:00Z"), line(a, 1, "10.00", "EUR"));
        readModel.placeOrder(unique("c"), Instant.parse("2041-01-11T23:59:59.999999Z"), line(a, 3, "10.00", "EUR"));
        String cancelled = readModel.placeOrder(unique("c"), Instant.parse("2041-01-11T08:00:00Z"),
                line(b, 5, "4.50", "EUR"));
        readModel.cancel(cancelled, "out of stock", Instant.parse("2041-01-12T08:00:00Z"));
        readModel.placeOrder(unique("c"), Instant.parse("2041-01-12T00:00:00Z"), line(b, 1, "4.50", "EUR"));

        HttpJson.Response response = http.get("/api/reports/daily-sales?from=2041-01-10&to=2041-01-11");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.path("from").asText()).isEqualTo("2041-01-10");
        assertThat(report.path("to").asText()).isEqualTo("2041-01-11");
        assertThat(rows(report)).containsExactly(
                "2041-01-10 " + a + " EUR 2 3 30.00",
                "2041-01-10 " + b + " EUR 1 1 4.50",
                "2041-01-11 " + a + " EUR 1 3 30.00",
                "2041-01-11 " + b + " EUR 0 0 0.00");
        assertThat(rows(http.get("/api/reports/daily-sales?from=2041-01-10&to=2041-01-11&sku=" + a).json()))
                .containsExactly("2041-01-10 " + a + " EUR 2 3 30.00", "2041-01-11 " + a + " EUR 1 3 30.00");
        assertThat(report.path("rows").get(0).path("revenue").isTextual()).isTrue();
    }

    @Test
    void dailySalesKeepsCurrenciesApartAndFiltersByCurrency() {
        String sku = unique("RPT-CUR");
        Instant day = Instant.parse("2042-06-01T10:00:00Z");
        readModel.placeOrder(unique("c"), day, line(sku, 2, "9.99", "EUR"));
        readModel.placeOrder(unique("c"), day, line(sku, 3, "1200", "JPY"));

        String path = "/api/reports/daily-sales?from=2042-06-01&to=2042-06-01&sku=" + sku;

        assertThat(rows(http.get(path).json())).containsExactly(
                "2042-06-01 " + sku + " EUR 1 2 19.98",
                "2042-06-01 " + sku + " JPY 1 3 3600");
        assertThat(rows(http.get(path + "&currency=JPY").json())).containsExactly("2042-06-01 " + sku + " JPY 1 3 3600");
        assertInvalid(http.get(path + "&currency=eur"), "currency");
    }

    @Test
    void salesBySkuSumsTheRangeAndListsTheBestSellerFirst() {
        String a = unique("RPT-A");
        String b = unique("RPT-B");
        String c = unique("RPT-C");
        readModel.placeOrder(unique("c"), Instant.parse("2043-02-01T00:00:00Z"), line(a, 2, "10.00", "EUR"));
        readModel.placeOrder(unique("c"), Instant.parse("2043-02-15T12:00:00Z"),
                line(a, 1, "10.00", "EUR"), line(b, 1, "50.00", "EUR"));
        readModel.placeOrder(unique("c"), Instant.parse("2043-02-28T23:00:00Z"), line(c, 1, "5.00", "EUR"));
        readModel.placeOrder(unique("c"), Instant.parse("2043-03-01T00:00:00Z"), line(c, 100, "5.00", "EUR"));

        HttpJson.Response response = http.get("/api/reports/sales-by-sku?from=2043-02-01&to=2043-02-28");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("from").asText()).isEqualTo("2043-02-01");
        List<String> rows = new ArrayList<>();
        response.json().path("rows").forEach(row -> rows.add(row.path("sku").asText() + " " + row.path("currency").asText()
                + " " + row.path("orders").asLong() + " " + row.path("units").asLong() + " " + row.path("revenue").asText()));
        assertThat(rows).containsExactly(b + " EUR 1 1 50.00", a + " EUR 2 3 30.00", c + " EUR 1 1 5.00");
    }

    @Test
    void reportsExportAsCsvWithTheirOwnFileNames() {
        String sku = unique("RPT-CSV");
        readModel.placeOrder(unique("c"), Instant.parse("2044-03-01T09:00:00Z"), line(sku, 2, "10.00", "EUR"));

        HttpResponse<String> daily = getCsv("/api/reports/daily-sales?from=2044-03-01&to=2044-03-31&sku=" + sku);
        HttpResponse<String> bySku = getCsv("/api/reports/sales-by-sku?from=2044-03-01&to=2044-03-31");

        assertThat(daily.statusCode()).isEqualTo(200);
        assertThat(daily.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(daily.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"daily-sales.csv\"");
        assertThat(csvRecords(daily.body())).containsExactly(
                List.of("day", "sku", "currency", "orders", "units", "revenue"),
                List.of("2044-03-01", sku, "EUR", "1", "2", "20.00"));
        assertThat(bySku.statusCode()).isEqualTo(200);
        assertThat(bySku.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"sales-by-sku.csv\"");
        assertThat(csvRecords(bySku.body())).containsExactly(
                List.of("sku", "currency", "orders", "units", "revenue"),
                List.of(sku, "EUR", "1", "2", "20.00"));
    }

    private static List<String> rows(JsonNode report) {
        List<String> rows = new ArrayList<>();
        report.path("rows").forEach(row -> rows.add(row.path("day").asText() + " " + row.path("sku").asText() + " "
                + row.path("currency").asText() + " " + row.path("orders").asLong() + " " + row.path("units").asLong()
                + " " + row.path("revenue").asText()));
        return rows;
    }
}
