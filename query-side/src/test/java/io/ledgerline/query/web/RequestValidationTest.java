package io.ledgerline.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint refuses what it does not understand with a 400 naming the parameter, never a 500. */
class RequestValidationTest extends QuerySideTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders?stauts=PLACED", "/api/orders/some-order?stauts=PLACED",
            "/api/payments?stauts=PLACED", "/api/payments/some-payment?stauts=PLACED",
            "/api/inventory?stauts=PLACED", "/api/inventory/SKU-1?stauts=PLACED",
            "/api/reports/daily-sales?from=2026-01-01&to=2026-01-02&stauts=PLACED",
            "/api/reports/sales-by-sku?from=2026-01-01&to=2026-01-02&stauts=PLACED",
            "/api/reports/order-status?stauts=PLACED"})
    void anUnknownQueryParameterIsRefusedByName(String path) {
        JsonNode problem = assertInvalid(http.get(path), "stauts");

        assertThat(problem.path("detail").asText()).contains("'stauts'");
    }

    @Test
    void anUnknownQueryParameterIsRefusedOnACsvExportToo() {
        HttpResponse<String> response = getCsv("/api/orders?stauts=PLACED");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(INVALID_VALUE).contains("stauts");
    }

    @Test
    void anUnknownParameterIsNamedEvenNextToValidOnes() {
        JsonNode problem = assertInvalid(http.get("/api/orders?status=PLACED&customerld=c-1"), "customerld");

        assertThat(problem.path("detail").asText()).contains("customerId");
    }

    @ParameterizedTest
    @CsvSource({
            "/api/orders?status=LOST, status",
            "/api/orders?status=AUTHORIZED, status",
            "/api/payments?status=SHIPPED, status",
            "/api/orders?placedFrom=last-week, placedFrom",
            "/api/orders?placedTo=2026-13-01, placedTo",
            "/api/orders?placedFrom=2026-11-20T10:15:30, placedFrom",
            "/api/payments?createdFrom=2026-02-30, createdFrom",
            "/api/payments?createdTo=tomorrow, createdTo",
            "/api/orders?sort=customerId, sort",
            "/api/payments?sort=total, sort",
            "/api/inventory?sort=name, sort",
            "/api/inventory?sort=--sku, sort",
            "/api/payments?limit=201, limit",
            "/api/inventory?limit=0, limit",
            "/api/payments?cursor=garbage, cursor",
            "/api/inventory?cursor=garbage, cursor"})
    void aBadValueIsAnInvalidValueProblemNamingItsParameter(String path, String parameter) {
        assertInvalid(http.get(path), parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders?limit=ten", "/api/inventory?maxAvailable=few",
            "/api/payments?limit=99999999999"})
    void aNonNumberWhereANumberBelongsIsAnInvalidValueProblem(String path) {
        JsonNode problem = assertProblem(http.get(path), 400, INVALID_VALUE);

        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/orders?placedFrom=%2B300000-01-01T00:00:00Z, placedFrom",
            "/api/orders?placedTo=%2B294277-01-01T00:00:00Z, placedTo",
            "/api/payments?createdTo=-300000-01-01T00:00:00Z, createdTo"})
    void anInstantBeyondWhatTheDatabaseCanHoldIsAnInvalidValue(String path, String parameter) {
        assertInvalid(http.get(path), parameter);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/orders?customerId=%00, customerId",
            "/api/orders?sku=a%00b, sku",
            "/api/payments?orderId=p%00, orderId",
            "/api/reports/daily-sales?from=2026-01-01&to=2026-01-02&sku=a%00b, sku",
            "/api/reports/daily-sales?from=-999999999-01-01&to=-999999999-01-02, from",
            "/api/inventory?sort=available&cursor=YXZhaWxhYmxlH21hbnkfeA, cursor"})
    void oddInputIsAnInvalidValueNamingItsParameterNeverAServerError(String path, String parameter) {
        assertInvalid(http.get(path), parameter);
    }

    @Test
    void aNumberTooLargeForItsParameterIsAnInvalidValueNotAServerError() {
        JsonNode problem = assertProblem(http.get("/api/inventory?maxAvailable=99999999999"), 400, INVALID_VALUE);

        assertThat(problem.path("detail").asText()).contains("maxAvailable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/orders/some-order", "/api/inventory", "/api/reports/order-status"})
    void askingForARepresentationTheEndpointCannotProduceIs406NotAcceptable(String path) {
        HttpJson.Response response = http.get(path, "Accept", "application/xml");

        assertThat(response.status()).as(response.body()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("type")).isEqualTo("urn:ledgerline:problem:not-acceptable");
    }
}
