package io.ledgerline.command.web;

import io.github.bucket4j.TimeMeter;
import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buckets refill by a clock this test moves itself, so what is limited does not depend on how
 * fast the machine sends the calls.
 */
@TestPropertySource(properties = {"ledgerline.rate-limit.commands-per-second=2", "ledgerline.rate-limit.burst=3"})
class RateLimitTest extends CommandSideTest {

    @Autowired
    ManualClock clock;

    @Test
    void aCallerOverItsCommandRateGets429WithRetryAfterWhileOthersStillPass() {
        HttpJson greedy = http.as(TestTokens.issue("greedy", "client"));
        List<HttpJson.Response> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(greedy.post("/api/orders/none/confirm", null));
        }

        assertThat(responses).extracting(HttpJson.Response::status).containsExactly(404, 404, 404, 429, 429, 429);
        HttpJson.Response limited = responses.get(3);
        assertThat(limited.field("type")).isEqualTo("urn:ledgerline:problem:too-many-requests");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(http.as(TestTokens.issue("patient", "client")).post("/api/orders/none/confirm", null).status())
                .isEqualTo(404);
    }

    @Test
    void aCallerGetsOneMoreCommandForEachRefillAndNoMore() {
        HttpJson steady = http.as(TestTokens.issue("steady", "client"));
        for (int i = 0; i < 3; i++) {
            assertThat(steady.post("/api/orders/none/confirm", null).status()).isEqualTo(404);
        }
        assertThat(steady.post("/api/orders/none/confirm", null).status()).isEqualTo(429);

        clock.advance(Duration.ofMillis(500));

        assertThat(steady.post("/api/orders/none/confirm", null).status()).isEqualTo(404);
        assertThat(steady.post("/api/orders/none/confirm", null).status()).isEqualTo(429);
    }

    @TestConfiguration
    static class Clock {

        @Bean
        ManualClock rateLimitClock() {
            return new ManualClock();
        }
    }

    /** A clock that stands still until the test moves it. */
    static final class ManualClock implements TimeMeter {

        private final AtomicLong nanos = new AtomicLong(System.nanoTime());

        void advance(Duration by) {
            nanos.addAndGet(by.toNanos());
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
