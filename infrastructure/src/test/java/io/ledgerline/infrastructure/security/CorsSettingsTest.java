package io.ledgerline.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cross-origin calls are allowed to exact origins only; a wildcard or a URL with a path stops startup. */
class CorsSettingsTest {

    @Test
    void noOriginIsAllowedUnlessConfigured() {
        assertThat(new SecuritySettings(null, null, null, null, null, null, null).cors().allowedOrigins()).isEmpty();
    }

    @Test
    void exactOriginsAreKeptAsGiven() {
        assertThat(new SecuritySettings.Cors(List.of("http://localhost:8083", "https://console.example.com",
                "http://[::1]:8083")).allowedOrigins())
                .containsExactly("http://localhost:8083", "https://console.example.com", "http://[::1]:8083");
    }

    @Test
    void aWildcardAPathOrAnotherSchemeIsRefused() {
        for (String origin : List.of("*", "http://*.example.com", "http://localhost:8083/console/", "ftp://host",
                "localhost:8083", "")) {
            assertThatThrownBy(() -> new SecuritySettings.Cors(List.of(origin)))
                    .as(origin).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ledgerline.security.cors.allowed-origins");
        }
    }
}
