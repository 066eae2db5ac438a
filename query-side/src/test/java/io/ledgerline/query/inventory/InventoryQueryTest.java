package io.ledgerline.query.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.domain.shared.Money;
import io.ledgerline.query.support.QuerySideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.ledgerline.query.support.ReadModel.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Stock levels by SKU, filtered by SKU prefix and available stock, paged and exported. */
class InventoryQueryTest extends QuerySideTest {

    private static final Instant JULY_1 = Instant.parse("2026-07-01T06:00:00Z");

    @Test
    void aStockItemIsServedWithItsCountsAndItsVersionAsETag() {
        String sku = unique("LAMP");
        readModel.registerProduct(sku, "Desk lamp", Money.of("12.5", "EUR"), JULY_1);
        readModel.receiveStock(sku, 10, JULY_1.plusSeconds(60));
        readModel.reserveStock(sku, unique("order"), 4, JULY_1.plusSeconds(120));

        HttpJson.Response response = http.get("/api/inventory/" + sku);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.etag()).isEqualTo("\"2\"");
        JsonNode stock = response.json();
        assertThat(stock.path("sku").asText()).isEqualTo(sku);
        assertThat(stock.path("name").asText()).isEqualTo("Desk lamp");
        assertThat(stock.path("currency").asText()).isEqualTo("EUR");
        assertThat(stock.path("unitPrice").isTextual()).isTrue();
        assertThat(stock.path("unitPrice").asText()).isEqualTo("12.50");
        assertThat(stock.path("onHand").asInt()).isEqualTo(10);
        assertThat(stock.path("reserved").asInt()).isEqualTo(4);
        assertThat(stock.path("available").asInt()).isEqualTo(6);
        assertThat(stock.path("updatedAt").asText()).isEqualTo("2026-07-01T06:02:00Z");
        assertThat(stock.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void anUnknownSkuIsANotFoundProblem() {
        String sku = unique("NOPE");

        JsonNode problem = assertProblem(http.get("/api/inventory/" + sku), 404, NOT_FOUND);

        assertThat(problem.path("detail").asText()).contains(sku);
    }

    @Test
    void theSkuPrefixMatchesLiterallyEvenWithUnderscores() {
        String family = "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        for (String suffix : List.of("_A", "_B", "XA", "-A")) {
            readModel.registerProduct(family + suffix, "Part", Money.of("1", "EUR"), JULY_1);
        }
        readModel.registerProduct("Z" + family, "Part", Money.of("1", "EUR"), JULY_1);

        assertThat(skus("/api/inventory?skuPrefix=" + family)).containsExactlyInAnyOrder(family + "-A", family + "XA", family + "_A",
                family + "_B");
        assertThat(skus("/api/inventory?skuPrefix=" + family + "_")).containsExactlyInAnyOrder(family + "_A", family + "_B");
        assertThat(skus("/api/inventory?skuPrefix=" + family + "-")).containsExactly(family + "-A");
    }

    @Test
    void maxAvailableKeepsItemsAtOrBelowTheLevel() {
        String family = unique("AVAIL");
        stocked(family + "-1", 3, 0);
        stocked(family + "-2", 5, 0);
        stocked(family + "-3", 9, 4);
        stocked(family + "-4", 6, 0);

        assertThat(skus("/api/inventory?skuPrefix=" + family + "&maxAvailable=5"))
                .containsExactly(family + "-1", family + "-2", family + "-3");
        assertThat(skus("/api/inventory?skuPrefix=" + family + "&maxAvailable=0")).isEmpty();
        assertThat(skus("/api/inventory?skuPrefix=" + family + "&sort=-available"))
                .containsExactly(family + "-4", family + "-3", family + "-2", family + "-1");
    }

    @Test
    void walkingPagesSortedByAvailableBreaksTiesBySku() {
        String family = unique("PAGE");
        for (int i = 0; i < 9; i++) {
            stocked(family + "-" + i, i % 3, 0);
        }

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get("/api/inventory?skuPrefix=" + family + "&sort=available&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(item -> walked.add(item.path("sku").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            assertThat(walked.size()).isLessThanOrEqualTo(9);
        } while (cursor != null);

        assertThat(walked).containsExactly(family + "-0", family + "-3", family + "-6", family + "-1", family + "-4",
                family + "-7", family + "-2", family + "-5", family + "-8");
    }

    @Test
    void aSkuPrefixWithWildcardsIsRefused() {
        assertInvalid(http.get("/api/inventory?skuPrefix=" + encode("A%")), "skuPrefix");
        assertInvalid(http.get("/api/inventory?skuPrefix=" + encode("A' OR 1=1")), "skuPrefix");
    }

    @Test
    void exportsEveryMatchingItemAsCsvWithQuotedNames() {
        String family = unique("CSV");
        String name = "Lamp, \"Deluxe\" édition";
        readModel.registerProduct(family + "-1", name, Money.of("1500", "JPY"), JULY_1);
        stocked(family + "-2", 7, 2);

        HttpResponse<String> response = getCsv("/api/inventory?skuPrefix=" + family);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"inventory.csv\"");
        assertThat(response.body()).contains(",\"Lamp, \"\"Deluxe\"\" édition\",");
        List<List<String>> records = csvRecords(response.body());
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactly("sku", "name", "currency", "unitPrice", "onHand", "reserved",
                "available", "updatedAt", "version");
        assertThat(records.get(1)).containsExactly(family + "-1", name, "JPY", "1500", "0", "0", "0",
                "2026-07-01T06:00:00Z", "0");
        assertThat(records.get(2)).startsWith(family + "-2", "Part", "EUR", "1.00", "7", "2", "5");
    }

    private void stocked(String sku, int onHand, int reserved) {
        readModel.registerProduct(sku, "Part", Money.of("1", "EUR"), JULY_1);
        readModel.receiveStock(sku, onHand, JULY_1.plusSeconds(1));
        if (reserved > 0) {
            readModel.reserveStock(sku, unique("order"), reserved, JULY_1.plusSeconds(2));
        }
    }

    private List<String> skus(String path) {
        HttpJson.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> skus = new ArrayList<>();
        response.json().path("items").forEach(item -> skus.add(item.path("sku").asText()));
        return skus;
    }
}
