package io.ledgerline.query.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Payments by id, filtered, paged and exported. */
class PaymentQueryTest extends QuerySideTest {

    private static final Instant JUNE_1 = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aPaymentIsServedWithDecimalAmountsAndItsVersionAsETag() {
        String orderId = unique("order");
        String paymentId = readModel.authorize(orderId, Money.of("50", "EUR"), "visa ending 4242", JUNE_1);
        readModel.capture(paymentId, Money.of("20", "EUR"), Money.of("20", "EUR"), JUNE_1.plusSeconds(30));

        HttpJson.Response response = http.get("/api/payments/" + paymentId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.etag()).isEqualTo("\"1\"");
        JsonNode payment = response.json();
        assertThat(payment.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(payment.path("orderId").asText()).isEqualTo(orderId);
        assertThat(payment.path("status").asText()).isEqualTo("PARTIALLY_CAPTURED");
        assertThat(payment.path("currency").asText()).isEqualTo("EUR");
        assertThat(payment.path("authorized").isTextual()).isTrue();
        assertThat(payment.path("authorized").asText()).isEqualTo("50.00");
        assertThat(payment.path("captured").asText()).isEqualTo("20.00");
        assertThat(payment.path("refunded").asText()).isEqualTo("0.00");
        assertThat(payment.path("paymentMethod").asText()).isEqualTo("visa ending 4242");
        assertThat(payment.path("createdAt").asText()).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(payment.path("updatedAt").asText()).isEqualTo("2026-06-01T12:00:30Z");
        assertThat(payment.path("version").asLong()).isEqualTo(1);
        assertThat(payment.has("declineReason")).isFalse();
    }

    @Test
    void aDeclinedPaymentShowsItsReasonAndNothingAuthorized() {
        String paymentId = readModel.decline(unique("order"), Money.of("9.99", "EUR"), "insufficient funds", "card", JUNE_1);

        HttpJson.Response response = http.get("/api/payments/" + paymentId);

        assertThat(response.field("status")).isEqualTo("DECLINED");
        assertThat(response.field("declineReason")).isEqualTo("insufficient funds");
        assertThat(response.field("authorized")).isEqualTo("0.00");
        assertThat(response.etag()).isEqualTo("\"0\"");
    }

    @Test
    void anUnknownPaymentIsANotFoundProblem() {
        String paymentId = UUID.randomUUID().toString();

        JsonNode problem = assertProblem(http.get("/api/payments/" + paymentId), 404, NOT_FOUND);

        assertThat(problem.path("detail").asText()).contains(paymentId);
    }

    @Test
    void theListFiltersByOrderAndStatus() {
        String orderId = unique("order");
        String declined = readModel.decline(orderId, Money.of("10", "EUR"), "expired card", "card", JUNE_1);
        String captured = readModel.authorize(orderId, Money.of("10", "EUR"), "card", JUNE_1.plusSeconds(1));
        readModel.capture(captured, Money.of("10", "EUR"), Money.of("10", "EUR"), JUNE_1.plusSeconds(2));
        String otherOrders = readModel.authorize(unique("order"), Money.of("10", "EUR"), "card", JUNE_1);

        assertThat(ids("/api/payments?orderId=" + orderId)).containsExactly(captured, declined);
        assertThat(ids("/api/payments?orderId=" + orderId + "&status=CAPTURED")).containsExactly(captured);
        assertThat(ids("/api/payments?orderId=" + orderId + "&status=declined")).containsExactly(declined);
        assertThat(ids("/api/payments?orderId=" + orderId + "&status=AUTHORIZED")).isEmpty();
        assertThat(ids("/api/payments?orderId=" + orderId)).doesNotContain(otherOrders);
    }

    @Test
    void theListFiltersByCreationTime() {
        String orderId = unique("order");
        String first = readModel.authorize(orderId, Money.of("1", "EUR"), "card", Instant.parse("2026-06-01T00:00:00Z"));
        String second = readModel.authorize(orderId, Money.of("1", "EUR"), "card", Instant.parse("2026-06-01T23:59:59Z"));
        readModel.authorize(orderId, Money.of("1", "EUR"), "card", Instant.parse("2026-06-02T00:00:00Z"));

        assertThat(ids("/api/payments?sort=createdAt&orderId=" + orderId + "&createdFrom=2026-06-01&createdTo=2026-06-02"))
                .containsExactly(first, second);
        assertThat(ids("/api/payments?sort=createdAt&orderId=" + orderId + "&createdFrom=2026-06-01T00:00:01Z"
                + "&createdTo=2026-06-02")).containsExactly(second);
    }

    @Test
    void walkingEveryPageReturnsEveryPaymentOnceInEitherDirection() {
        String orderId = unique("order");
        List<String> created = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Instant at = JUNE_1.plusNanos((i % 4) * 1_000L);
            created.add(readModel.authorize(orderId, Money.of("1", "EUR"), "card", at));
            times.add(at);
        }
        Comparator<Integer> ascending = Comparator.<Integer, Instant>comparing(times::get).thenComparing(created::get);
        List<Integer> indexes = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));

        List<String> expectedAscending = indexes.stream().sorted(ascending).map(created::get).toList();
        List<String> expectedDescending = indexes.stream().sorted(ascending.reversed()).map(created::get).toList();

        assertThat(walk("/api/payments?orderId=" + orderId + "&sort=createdAt")).containsExactlyElementsOf(expectedAscending);
        assertThat(walk("/api/payments?orderId=" + orderId)).containsExactlyElementsOf(expectedDescending);
    }

    @Test
    void aCursorFromAnotherSortIsRefused() {
        String orderId = unique("order");
        for (int i = 0; i < 3; i++) {
            readModel.authorize(orderId, Money.of("1", "EUR"), "card", JUNE_1.plusSeconds(i));
        }
        String cursor = http.get("/api/payments?orderId=" + orderId + "&sort=updatedAt&limit=1").field("nextCursor");
        assertThat(cursor).isNotBlank();

        assertInvalid(http.get("/api/payments?orderId=" + orderId + "&sort=createdAt&cursor=" + cursor), "cursor");
    }

    @Test
    void exportsEveryMatchingPaymentAsCsvWithQuotedReasons() {
        String orderId = unique("order");
        String reason = "declined, \"do not honour\"";
        String declined = readModel.decline(orderId, Money.of("10", "EUR"), reason, "card", JUNE_1);
        String authorized = readModel.authorize(orderId, Money.of("12.5", "EUR"), "card", JUNE_1.plusSeconds(1));

        HttpResponse<String> response = getCsv("/api/payments?orderId=" + orderId);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"payments.csv\"");
        assertThat(response.body()).contains(",\"declined, \"\"do not honour\"\"\",");
        List<List<String>> records = csvRecords(response.body());
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactly("paymentId", "orderId", "customerId", "status", "currency", "authorized",
                "captured", "refunded", "declineReason", "paymentMethod", "createdAt", "updatedAt", "version");
        assertThat(records.get(1)).containsExactly(authorized, orderId, "", "AUTHORIZED", "EUR", "12.50", "0.00", "0.00", "",
                "card", "2026-06-01T12:00:01Z", "2026-06-01T12:00:01Z", "0");
        assertThat(records.get(2)).containsExactly(declined, orderId, "", "DECLINED", "EUR", "0.00", "0.00", "0.00", reason,
                "card", "2026-06-01T12:00:00Z", "2026-06-01T12:00:00Z", "0");
    }

    private List<String> walk(String query) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get(query + "&limit=4" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.path("items").size()).isBetween(1, 4);
            page.path("items").forEach(item -> walked.add(item.path("paymentId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            assertThat(walked.size()).isLessThanOrEqualTo(13);
        } while (cursor != null);
        return walked;
    }

    private List<String> ids(String path) {
        HttpJson.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("paymentId").asText()));
        return ids;
    }
}
