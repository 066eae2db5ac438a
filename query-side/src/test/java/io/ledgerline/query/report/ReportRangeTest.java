package io.ledgerline.query.report;

import io.ledgerline.query.support.QuerySideTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The date range of the sales reports: both ends required, in order, and at most 366 days inclusive. */
class ReportRangeTest extends QuerySideTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports/daily-sales", "/api/reports/sales-by-sku"})
    void bothEndsAreRequired(String report) {
        assertInvalid(http.get(report + "?to=2026-01-31"), "from");
        assertInvalid(http.get(report + "?from=2026-01-01"), "to");
        assertInvalid(http.get(report), "from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports/daily-sales", "/api/reports/sales-by-sku"})
    void theEndMayNotComeBeforeTheStartButMayEqualIt(String report) {
        assertInvalid(http.get(report + "?from=2026-01-02&to=2026-01-01"), "to");
        assertThat(http.get(report + "?from=2026-01-02&to=2026-01-02").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports/daily-sales", "/api/reports/sales-by-sku"})
    void aRangeCoversAtMost366Days(String report) {
        assertThat(http.get(report + "?from=2024-01-01&to=2024-12-31").status()).isEqualTo(200);
        assertThat(http.get(report + "?from=2025-01-01&to=2026-01-01").status()).isEqualTo(200);
        assertInvalid(http.get(report + "?from=2024-01-01&to=2025-01-01"), "to");
        assertInvalid(http.get(report + "?from=2000-01-01&to=2026-01-01"), "to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "yesterday", "2026-1-1", "2026-01-01T00:00:00Z"})
    void datesMustBeIsoDays(String date) {
        assertInvalid(http.get("/api/reports/daily-sales?from=" + encode(date) + "&to=2026-03-01"), "from");
        assertInvalid(http.get("/api/reports/sales-by-sku?from=2026-01-01&to=" + encode(date)), "to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports/daily-sales?from=2026-02-01&to=2026-01-01",
            "/api/reports/sales-by-sku?to=2026-01-01"})
    void aBadRangeOnACsvExportIsAProblemNotACsv(String path) {
        HttpResponse<String> response = getCsv(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(INVALID_VALUE);
    }
}
