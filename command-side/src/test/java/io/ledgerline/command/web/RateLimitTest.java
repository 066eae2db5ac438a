package io.ledgerline.command.web;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = {"ledgerline.rate-limit.commands-per-second=2", "ledgerline.rate-limit.burst=3"})
class RateLimitTest extends CommandSideTest {

    @Test
    void aCallerOverItsCommandRateGets429WithRetryAfterWhileOthersStillPass() {
        HttpJson greedy = http.as(TestTokens.issue("greedy", "client"));
        List<HttpJson.Response> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(greedy.post("/api/orders/none/confirm", null));
        }

        assertThat(responses).extracting(HttpJson.Response::status).contains(429);
        HttpJson.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.field("type")).isEqualTo("urn:ledgerline:problem:too-many-requests");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(responses.subList(0, 3)).extracting(HttpJson.Response::status).containsOnly(404);
        assertThat(http.as(TestTokens.issue("patient", "client")).post("/api/orders/none/confirm", null).status())
                .isEqualTo(404);
    }
}
