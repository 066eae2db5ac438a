package io.ledgerline.launcher;

import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser (headless Chromium) over the real apps: each role logs in and uses
 * its pages, and a role the APIs refuse sees the refusal. With {@code -Dledgerline.console.screenshots=true}
 * the screenshots of each page are written to {@code docs/console/} (always to {@code target/console/}).
 */
class ConsoleBrowserTest {

    private static RunningSystem system;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(ConsoleBrowser.installed(), "No Chromium and chromedriver here (Debian: apt-get install chromium chromium-driver)");
        system = RunningSystem.get();
        browser = ConsoleBrowser.open(system.console);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.loggedOut();
    }

    /** The page's own console: no script error and nothing the content security policy blocked. */
    @AfterEach
    void noScriptErrorsAndNothingBlocked() {
        assertThat(browser.pageProblems()).as("the browser's console").isEmpty();
    }

    @Test
    void opsSeeEveryReadModelAndWatchARebuildUntilItsNewGenerationIsLive() throws Exception {
        logIn("ops");
        browser.until(d -> browser.elements("#models-table tbody tr").size() == 4);
        assertThat(browser.texts("#models-table td.model")).containsExactlyInAnyOrder("orders", "payments", "inventory", "sales");
        assertThat(browser.texts("#models-table .owner")).isNotEmpty().doesNotContain("unclaimed");
        int live = system.ops.get("/ops/projections/payments").json().path("live").path("generation").asInt();
        int next = system.database.sql("SELECT greatest(active, coalesce(retired, 0)) + 1 FROM read.projection_generation "
                + "WHERE model = 'payments'").query(Integer.class).single();
        String payments = "#models-table tr[data-model=payments]";

        browser.click("button.rebuild-button[data-model=payments]");
        WebElement confirm = browser.visible("#confirm-yes");
        assertThat(browser.text("#confirm")).contains("Rebuild payments?").contains("generation " + live);
        // The new generation cannot lay out its segments while this transaction holds one of their rows,
        // so the page is seen showing the rebuild in progress, however fast this machine is.
        try (Connection holder = DriverManager.getConnection(system.connection.url(), system.connection.username(),
                system.connection.password())) {
            holder.setAutoCommit(false);
            try (PreparedStatement segment = holder.prepareStatement(
                    "INSERT INTO read.token_entry (processor_name, segment) VALUES (?, 0)")) {
                segment.setString(1, "payments-g" + next);
                segment.executeUpdate();
            }
            confirm.click();
            browser.until(ExpectedConditions.textToBe(By.cssSelector(payments + " td.state"), "REBUILDING"));
            assertThat(browser.text(payments + " td.rebuild")).startsWith("generation " + next);
            assertThat(browser.text(payments + " td.generation")).isEqualTo(String.valueOf(live));
            assertThat(browser.element("button.rebuild-button[data-model=payments]").isEnabled())
                    .as("no second rebuild while one runs").isFalse();
            browser.screenshot("rebuild");
            holder.rollback();
        }

        browser.showsText("readside-messages", "payments rebuilt: generation " + next + " is live");
        assertThat(browser.text(payments + " td.generation")).isEqualTo(String.valueOf(next));
        assertThat(system.ops.get("/ops/projections/payments").json().path("live").path("generation").asInt())
                .isEqualTo(next);
        // One line per read model in the lag chart, drawn from the samples taken so far.
        assertThat(browser.elements("svg#lag polyline.series")).hasSize(4);
    }

    @Test
    void opsSeeParkedEventsWithTheirCauseRetryOneAfterTheFixAndEvictAnother() {
        int generation = system.ops.get("/ops/projections/inventory").json().path("live").path("generation").asInt();
        String table = "read.inventory_g" + generation;
        String retried = "CONSOLE-POISON-" + UUID.randomUUID().toString().substring(0, 8);
        String evicted = "CONSOLE-EVICT-" + UUID.randomUUID().toString().substring(0, 8);
        // A "bug" in the read model: it refuses products named Cracked vase. NOT VALID: other rows are not checked.
        system.database.sql("ALTER TABLE " + table + " ADD CONSTRAINT console_bug CHECK (name <> 'Cracked vase') NOT VALID")
                .update();
        try {
            for (String sku : List.of(retried, evicted)) {
                assertThat(system.commands.post("/api/inventory", "{\"sku\":\"" + sku
                        + "\",\"name\":\"Cracked vase\",\"unitPrice\":\"5\",\"currency\":\"EUR\"}").status()).isEqualTo(201);
            }
            logIn("ops");
            browser.visible(letter(retried));
            browser.visible(letter(evicted));
            assertThat(browser.text(letter(retried) + " td.cause")).contains("console_bug");
            browser.screenshot("read-side");
        } finally {
            system.database.sql("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS console_bug").update();
        }

        browser.click(letter(retried) + " button.retry");
        browser.showsText("readside-messages", retried + " handled.");
        browser.gone(letter(retried));
        browser.click(letter(evicted) + " button.evict");
        assertThat(browser.visible("#confirm").getText()).contains("Drop the parked events of " + evicted);
        browser.click("#confirm-yes");
        browser.showsText("readside-messages", evicted + ": 1 parked event dropped.");
        browser.gone(letter(evicted));

        assertThat(system.queries.get("/api/inventory/" + retried).status()).isEqualTo(200);
        assertThat(system.queries.get("/api/inventory/" + evicted).status()).isEqualTo(404);
    }

    @Test
    void auditorsFollowAnOrdersHistoryAndRequestAndCheckItsHashChain() {
        String sku = product("CONSOLE-AUDIT", 10);
        HttpJson.Response placed = system.commands.post("/api/orders", """
                {"customerId":"c-1","currency":"EUR","lines":[{"sku":"%s","quantity":2,"unitPrice":"4.50"}],
                 "payment":{"paymentMethodToken":"tok_visa"}}""".formatted(sku), "Idempotency-Key", HttpJson.newKey());
        assertThat(placed.status()).isEqualTo(201);
        String order = placed.field("orderId");
        system.awaitQuery("/api/orders/" + order + "?minVersion=1", r -> true);
        logIn("auditor");

        browser.type("#aggregate-id", order);
        browser.click("#find");

        browser.until(d -> browser.elements("#timeline li.event").size() >= 2);
        assertThat(browser.element("#timeline li.event").getAttribute("data-type")).isEqualTo("OrderPlaced");
        assertThat(browser.text("#timeline li.event .principal")).isEqualTo("by test-operator");
        browser.click("#verify");
        browser.showsText("integrity-result", "Hash chain intact");
        browser.type("#state-version", "0");
        browser.click("#show-state");
        browser.showsText("state", "State at version 0");
        assertThat(browser.text("#state-json")).contains(order);
        browser.click("#timeline li.event .correlation-link");
        // The request that placed the order reserved the stock too, on another aggregate.
        browser.until(d -> browser.texts("#correlation-events li").stream().anyMatch(t -> t.contains(sku)));
        browser.screenshot("audit");

        rewriteHistory(sku);
        browser.go("#/audit/" + sku);
        browser.click("#verify");
        browser.showsText("integrity-result", "Hash chain broken");
        assertThat(browser.text("#integrity-result")).contains("First broken event: sequence 1").contains("content-changed");
        browser.type("#export-from", String.valueOf(placed.json().path("position").asLong()));
        browser.click("#export-button");
        browser.showsText("export-summary", "sha256");
        assertThat(browser.element("#export-link").getAttribute("href")).startsWith("blob:");
        browser.screenshot("audit-integrity");
    }

    @Test
    void reportersSeeOrdersByStatusDailySalesAndTheStockRunningLow() {
        String low = product("CONSOLE-LOW", 2);
        String plenty = product("CONSOLE-LOWX", 40);
        HttpJson.Response placed = system.commands.post("/api/orders", """
                {"customerId":"c-2","currency":"EUR","lines":[{"sku":"%s","quantity":1,"unitPrice":"7.25"}]}"""
                .formatted(plenty), "Idempotency-Key", HttpJson.newKey());
        assertThat(placed.status()).isEqualTo(201);
        // Orders by status and daily sales are counted by two read models; both must have seen the order.
        system.awaitQuery("/api/orders/" + placed.field("orderId") + "?minVersion=0", r -> true);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        system.awaitQuery("/api/reports/daily-sales?from=" + today + "&to=" + today + "&minPosition="
                + placed.json().path("position").asLong(), r -> true);
        logIn("reporter");

        browser.until(d -> browser.elements("#status-table tr[data-status]").size() >= 4);
        assertThat(Long.parseLong(browser.text("#status-table tr[data-status=PLACED] td.count"))).isPositive();
        assertThat(browser.elements("#status-chart g.bar")).hasSizeGreaterThanOrEqualTo(4);
        String euroDays = "#daily-sales .sales[data-currency=EUR] g.bar";
        browser.until(d -> !browser.elements(euroDays).isEmpty());
        assertThat(browser.elements(euroDays)).hasSize(14);
        browser.type("#sku-prefix", "CONSOLE-LOW");
        browser.click("#show-stock");
        browser.visible("#stock-table tr[data-sku='" + plenty + "']");
        assertThat(browser.element("#stock-table tr[data-sku='" + low + "']").getAttribute("class")).isEqualTo("low");
        assertThat(browser.element("#stock-table tr[data-sku='" + plenty + "']").getAttribute("class")).isEmpty();
        browser.screenshot("business");
    }

    @Test
    void aRoleTheApisRefuseSeesAccessDeniedAndAWrongPasswordIsRefused() {
        browser.logIn("ops", "not-the-password");
        browser.showsText("login-problem", "Unknown user or wrong password");
        browser.screenshot("login");

        logIn("reporter");
        browser.go("#/read-side");
        browser.visible("#readside-status .problem.denied");
        assertThat(browser.text("#readside-status")).startsWith("Access denied").contains("Your roles do not allow this request");
        assertThat(browser.elements("#models-table")).isEmpty();
        browser.screenshot("access-denied");

        browser.go("#/audit/ANY-ID");
        browser.visible("#history .problem.denied");
    }

    private static void logIn(String user) {
        browser.logIn(user, user + "-password");
        browser.visible("#nav");
        assertThat(browser.text("#who-name")).startsWith(user + " (" + user + ")");
    }

    private static String letter(String sequence) {
        return "section.letters[data-model=inventory] tr[data-sequence='" + sequence + "']";
    }

    private static String product(String prefix, int stock) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(system.commands.post("/api/inventory", "{\"sku\":\"" + sku
                + "\",\"name\":\"Console item\",\"unitPrice\":\"4.50\",\"currency\":\"EUR\"}").status()).isEqualTo(201);
        assertThat(system.commands.post("/api/inventory/" + sku + "/receipts", "{\"quantity\":" + stock + "}").status())
                .isEqualTo(200);
        system.awaitQuery("/api/inventory/" + sku + "?minVersion=1", r -> true);
        return sku;
    }

    /** As the event table's owner: changes the quantity the first receipt recorded, as a tamperer would. */
    private static void rewriteHistory(String sku) {
        system.database.sql("ALTER TABLE events.domain_event_entry DISABLE TRIGGER domain_event_entry_append_only").update();
        try {
            assertThat(system.database.sql("""
                    UPDATE events.domain_event_entry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '"quantity":10', '"quantity":1000'), 'UTF8')
                    WHERE aggregate_identifier = ? AND sequence_number = 1""").param(sku).update()).isEqualTo(1);
        } finally {
            system.database.sql("ALTER TABLE events.domain_event_entry ENABLE TRIGGER domain_event_entry_append_only").update();
        }
    }
}
