package io.ledgerline.command;

import io.ledgerline.command.support.CommandSideTest;
import io.ledgerline.testsupport.HttpJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller runs (by Tomcat or by the security firewall) over real
 * HTTP: each gets a problem detail, never the container's HTML page or Boot's default JSON, and
 * nothing is appended.
 */
class HostileRequestsTest extends CommandSideTest {

    static Stream<Arguments> hostilePaths() {
        return Stream.of(
                Arguments.of("an encoded NUL in the path", "POST", "/api/orders/ab%00cd/ship", 400, "malformed-request"),
                Arguments.of("an encoded slash in the path", "POST", "/api/orders/a%2Fb/ship", 400, "malformed-request"),
                Arguments.of("an encoded backslash in the path", "POST", "/api/orders/a%5Cb/ship", 400, "malformed-request"),
                Arguments.of("an encoded semicolon in the path", "GET", "/api/orders/1%3B%20DROP%20TABLE%20read.orders", 400,
                        "malformed-request"),
                Arguments.of("a semicolon in the path", "POST", "/api/orders/1;jsessionid=x/ship", 400, "malformed-request"),
                Arguments.of("a 100,000-character path", "GET", "/api/orders/" + "a".repeat(100_000), 400, "malformed-request"),
                Arguments.of("a 100,000-character query string", "POST", "/api/orders/o/ship?x=" + "b".repeat(100_000), 400,
                        "malformed-request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePaths")
    void isAProblemDetailAndWritesNothing(String name, String method, String path, int status, String type) {
        long before = eventCount();
        HttpJson.Response response = method.equals("GET") ? http.get(path) : http.post(path, null);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("type")).isEqualTo("urn:ledgerline:problem:" + type);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("<html", "Exception", "org.apache", "DROP TABLE");
        assertThat(eventCount()).isEqualTo(before);
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM events.domain_event_entry").query(Long.class).single();
    }
}
