package io.ledgerline.query.console;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console is told where the ops API is as an origin, which is what its content policy and CORS compare. */
class ConsoleSettingsTest {

    @Test
    void theConsoleIsOnAndFindsTheOpsApiOnTheLocalPortByDefault() {
        ConsoleSettings settings = new ConsoleSettings(null, null);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.opsOrigin()).isEqualTo("http://localhost:8082");
    }

    @Test
    void theOpsOriginIsSchemeHostAndPort() {
        assertThat(new ConsoleSettings(true, URI.create("https://ops.example.com/")).opsOrigin())
                .isEqualTo("https://ops.example.com");
        assertThat(new ConsoleSettings(true, URI.create("http://10.0.0.7:9082")).opsOrigin()).isEqualTo("http://10.0.0.7:9082");
    }

    @Test
    void anOpsUrlThatIsNotAnOriginStopsStartup() {
        for (String url : List.of("http://ops.example.com/ops", "ftp://ops.example.com", "ops.example.com",
                "http://ops.example.com?x=1", "javascript:alert(1)")) {
            assertThatThrownBy(() -> new ConsoleSettings(true, URI.create(url)))
                    .as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ledgerline.console.ops-url");
        }
    }
}
