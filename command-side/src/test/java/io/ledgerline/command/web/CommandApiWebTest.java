package io.ledgerline.command.web;

import io.ledgerline.domain.inventory.InsufficientStock;
import io.ledgerline.domain.inventory.Sku;
import io.ledgerline.domain.order.PlaceOrder;
import io.ledgerline.command.support.AxonServerWire;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import io.ledgerline.command.config.CommandSecurity;
import io.ledgerline.infrastructure.security.SecurityConfiguration;
import io.ledgerline.infrastructure.web.WebConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Request validation and error mapping of the command API, with the command gateway mocked. */
@WebMvcTest(properties = "spring.config.name=command-side")
@Import({WebConfiguration.class, SecurityConfiguration.class, CommandSecurity.class})
@WithMockUser(username = "back-office", roles = {"client", "merchant", "ops"})
class CommandApiWebTest {

    private static final String PROBLEM = "urn:ledgerline:problem:";
    private static final String LINE = "{\"sku\":\"SKU-1\",\"quantity\":1,\"unitPrice\":\"2.50\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    WritePositions positions;

    static Stream<Arguments> badRequests() {
        String hundredAndOneLines = IntStream.range(0, 101)
                .mapToObj(i -> "{\"sku\":\"S" + i + "\",\"quantity\":1,\"unitPrice\":1}")
                .reduce((a, b) -> a + "," + b).orElseThrow();
        return Stream.of(
                bad("blank customer", "/api/orders", order("\"\"", "\"EUR\"", LINE), 400, "validation"),
                bad("no lines", "/api/orders", order("\"c\"", "\"EUR\"", ""), 400, "validation"),
                bad("101 lines", "/api/orders", order("\"c\"", "\"EUR\"", hundredAndOneLines), 400, "validation"),
                bad("null quantity", "/api/orders", order("\"c\"", "\"EUR\"",
                        "{\"sku\":\"A\",\"quantity\":null,\"unitPrice\":1}"), 400, "validation"),
                bad("zero quantity", "/api/orders", order("\"c\"", "\"EUR\"",
                        "{\"sku\":\"A\",\"quantity\":0,\"unitPrice\":1}"), 400, "validation"),
                bad("fractional quantity", "/api/orders", order("\"c\"", "\"EUR\"",
                        "{\"sku\":\"A\",\"quantity\":1.5,\"unitPrice\":1}"), 400, "invalid-value"),
                bad("text quantity", "/api/orders", order("\"c\"", "\"EUR\"",
                        "{\"sku\":\"A\",\"quantity\":\"many\",\"unitPrice\":1}"), 400, "invalid-value"),
                bad("too many decimals", "/api/orders", order("\"c\"", "\"EUR\"",
                        "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1.001}"), 400, "invalid-value"),
                bad("unknown currency", "/api/orders", order("\"c\"", "\"XYZ\"", LINE), 400, "invalid-value"),
                bad("duplicate sku lines", "/api/orders", order("\"c\"", "\"EUR\"", LINE + "," + LINE), 400, "invalid-value"),
                bad("bad sku", "/api/orders", order("\"c\"", "\"EUR\"",
                        "{\"sku\":\"no spaces\",\"quantity\":1,\"unitPrice\":1}"), 400, "invalid-value"),
                bad("unknown property", "/api/orders", "{\"customerId\":\"c\",\"currency\":\"EUR\",\"lines\":["
                        + LINE + "],\"discount\":5}", 400, "unknown-property"),
                bad("malformed json", "/api/orders", "{\"customerId\":", 400, "malformed-json"),
                bad("empty body", "/api/orders", "", 400, "malformed-json"),
                bad("negative price", "/api/inventory", "{\"sku\":\"A\",\"name\":\"n\",\"unitPrice\":-1,\"currency\":\"EUR\"}",
                        400, "validation"),
                bad("sku in path", "/api/inventory/bad sku!/receipts", "{\"quantity\":1}", 400, "invalid-value"),
                bad("receive nothing", "/api/inventory/A/receipts", "{\"quantity\":0}", 400, "validation"),
                bad("adjust without reason", "/api/inventory/A/adjustments", "{\"delta\":-1}", 400, "validation"),
                bad("adjust by zero", "/api/inventory/A/adjustments", "{\"delta\":0,\"reason\":\"count\"}", 400, "invalid-value"),
                bad("zero authorization", "/api/payments", "{\"orderId\":\"o\",\"amount\":0,\"currency\":\"EUR\","
                        + "\"paymentMethodToken\":\"tok\"}", 400, "validation"),
                bad("no token", "/api/payments", "{\"orderId\":\"o\",\"amount\":1,\"currency\":\"EUR\"}", 400, "validation"),
                bad("negative capture", "/api/payments/p/capture", "{\"amount\":-5,\"currency\":\"EUR\"}", 400, "validation"),
                bad("cancel without reason", "/api/orders/o/cancel", "{}", 400, "validation"),
                // hostile input: each would otherwise be kept forever in an event
                bad("trailing garbage", "/api/inventory/A/receipts", "{\"quantity\":1} x", 400, "malformed-json"),
                bad("a second document", "/api/inventory/A/receipts", "{\"quantity\":1}{\"quantity\":2}", 400,
                        "malformed-json"),
                bad("a repeated key", "/api/inventory/A/receipts", "{\"quantity\":1,\"quantity\":1000}", 400,
                        "malformed-json"),
                bad("quantity as a string", "/api/inventory/A/receipts", "{\"quantity\":\"1\"}", 400, "invalid-value"),
                bad("name as a number", "/api/inventory", "{\"sku\":\"A\",\"name\":123,\"unitPrice\":1,"
                        + "\"currency\":\"EUR\"}", 400, "invalid-value"),
                bad("NUL in a name", "/api/inventory", "{\"sku\":\"A\",\"name\":\"ab\\u0000cd\",\"unitPrice\":1,"
                        + "\"currency\":\"EUR\"}", 400, "invalid-value"),
                bad("control character in a reason", "/api/inventory/A/adjustments",
                        "{\"delta\":-1,\"reason\":\"a\\u0007b\"}", 400, "invalid-value"),
                bad("lone surrogate in an order id", "/api/inventory/A/reservations",
                        "{\"orderId\":\"o\\ud800\",\"quantity\":1}", 400, "invalid-value"),
                bad("noncharacter in a payment token", "/api/payments", "{\"orderId\":\"o\",\"amount\":1,"
                        + "\"currency\":\"EUR\",\"paymentMethodToken\":\"tok\\uffff\"}", 400, "invalid-value"),
                bad("newline in a customer id", "/api/orders", order("\"c\\n1\"", "\"EUR\"", LINE), 400, "invalid-value"),
                bad("NUL in a cancel reason", "/api/orders/o/cancel", "{\"reason\":\"no\\u0000\"}", 400, "invalid-value"));
    }

    private static String order(String customer, String currency, String lines) {
        return "{\"customerId\":" + customer + ",\"currency\":" + currency + ",\"lines\":[" + lines + "]}";
    }

    private static Arguments bad(String name, String path, String body, int status, String type) {
        return Arguments.of(name, path, body, status, type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemAndSendsNoCommand(String name, String path, String body, int status, String type)
            throws Exception {
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        verifyNoInteractions(commands);
    }

    @Test
    @WithMockUser(username = "c-1", roles = "client")
    void aClientMayReserveButNotRunTheStockRoom() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(1L);
        String product = "{\"sku\":\"A\",\"name\":\"n\",\"unitPrice\":1,\"currency\":\"EUR\"}";
        for (String[] request : new String[][] {{"/api/inventory", product}, {"/api/inventory/A/receipts", "{\"quantity\":1}"},
                {"/api/inventory/A/adjustments", "{\"delta\":-1,\"reason\":\"count\"}"}}) {
            mvc.perform(post(request[0]).contentType(MediaType.APPLICATION_JSON).content(request[1]))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEM + "forbidden"));
        }
        verifyNoInteractions(commands);
        mvc.perform(post("/api/inventory/A/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o-1\",\"quantity\":1}"))
                .andExpect(status().isOk());
    }

    @Test
    @WithMockUser(username = "shop", roles = "merchant")
    void aMerchantRunsTheStockRoomButPlacesNoOrders() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(1L);
        mvc.perform(post("/api/inventory/A/receipts").contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":1}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(order("\"c-1\"", "\"EUR\"", LINE)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String name = "x".repeat(300 * 1024);
        mvc.perform(post("/api/inventory").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sku\":\"A\",\"name\":\"" + name + "\",\"unitPrice\":1,\"currency\":\"EUR\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value(PROBLEM + "payload-too-large"));
        verifyNoInteractions(commands);
    }

    @Test
    void aWrongMediaTypeIs415() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value(PROBLEM + "unsupported-media-type"));
        verifyNoInteractions(commands);
    }

    @Test
    void anIfMatchThatIsNoVersionIs400() throws Exception {
        mvc.perform(post("/api/orders/o-1/confirm").header("If-Match", "\"abc\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-value"))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405() throws Exception {
        mvc.perform(get("/api/nothing-here")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-found"));
        mvc.perform(get("/api/orders")).andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value(PROBLEM + "method-not-allowed"));
    }

    @Test
    void placingAnOrderSendsTheCommandAndAnswers201WithIdAndVersion() throws Exception {
        mvc.perform(post("/api/orders").contentType(MediaType.APPLICATION_JSON).content(order("\"c-1\"", "\"EUR\"",
                        "{\"sku\":\"SKU-1\",\"quantity\":3,\"unitPrice\":\"2.50\"}")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/orders/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.orderId").isNotEmpty())
                .andExpect(jsonPath("$.version").value(0));

        ArgumentCaptor<PlaceOrder> sent = ArgumentCaptor.forClass(PlaceOrder.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().customerId().value()).isEqualTo("c-1");
        assertThat(sent.getValue().lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(new Sku("SKU-1"));
            assertThat(line.quantity()).isEqualTo(3);
            assertThat(line.unitPrice().minorUnits()).isEqualTo(250);
        });
        assertThat(sent.getValue().total().minorUnits()).isEqualTo(750);
    }

    /**
     * A refused command as the gateway reports it: in the JDBC mode straight from this instance's
     * bus, with Axon Server after the trip through its connector. The web layer answers both alike.
     */
    private static RuntimeException refused(Throwable failure, boolean acrossAxonServer) {
        CommandExecutionException local = CommandProblem.of(failure, false).orElseThrow().toException(failure);
        return acrossAxonServer ? AxonServerWire.across(local) : local;
    }

    @ParameterizedTest(name = "across Axon Server: {0}")
    @ValueSource(booleans = {false, true})
    void aBusinessRuleRejectionIs409WithTheRulesType(boolean acrossAxonServer) throws Exception {
        when(commands.sendAndWait(any())).thenThrow(refused(new InsufficientStock(new Sku("A"), 5, 2), acrossAxonServer));

        mvc.perform(post("/api/inventory/A/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o-1\",\"quantity\":5}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "insufficient-stock"))
                .andExpect(jsonPath("$.title").value("Rejected by a business rule"))
                .andExpect(jsonPath("$.detail").value(containsString("Only 2 of A available")));
    }

    @ParameterizedTest(name = "across Axon Server: {0}")
    @ValueSource(booleans = {false, true})
    void writeConflictsAre409AndUnknownAggregatesAre404(boolean acrossAxonServer) throws Exception {
        when(commands.sendAndWait(any()))
                .thenThrow(refused(new ConcurrencyException("duplicate sequence"), acrossAxonServer))
                .thenThrow(refused(new ConflictingAggregateVersionException("o-1", 1, 4), acrossAxonServer))
                .thenThrow(refused(new AggregateStreamCreationException("exists"), acrossAxonServer))
                .thenThrow(refused(new AggregateNotFoundException("o-1", "not found"), acrossAxonServer));

        mvc.perform(post("/api/orders/o-1/ship")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "concurrency-conflict"));
        mvc.perform(post("/api/orders/o-1/ship")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "version-conflict"))
                .andExpect(jsonPath("$.expectedVersion").value(1))
                .andExpect(jsonPath("$.currentVersion").value(4));
        mvc.perform(post("/api/orders/o-1/ship")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(PROBLEM + "already-exists"));
        mvc.perform(post("/api/orders/o-1/ship")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(PROBLEM + "not-found"))
                .andExpect(jsonPath("$.detail").value("Nothing exists with id 'o-1'"));
    }

    @Test
    void aFailureWithoutAProblemAcrossAxonServerIs500WithoutInternals() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(AxonServerWire.across(new IllegalStateException("SELECT secret FROM internals")));

        mvc.perform(post("/api/orders/o-1/ship"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value(PROBLEM + "internal-error"))
                .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("SELECT secret FROM internals"));

        mvc.perform(post("/api/orders/o-1/ship"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value(PROBLEM + "internal-error"))
                .andExpect(jsonPath("$.incident").isNotEmpty())
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }
}
