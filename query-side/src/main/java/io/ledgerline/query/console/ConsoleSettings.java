package io.ledgerline.query.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code ledgerline.console.*} (docs/configuration.md).
 *
 * @param enabled whether this app serves the console at {@code /console/}
 * @param opsUrl  where browsers reach the projections' ops API; that app must allow this app's
 *                origin ({@code ledgerline.security.cors.allowed-origins})
 */
@ConfigurationProperties("ledgerline.console")
public record ConsoleSettings(Boolean enabled, URI opsUrl) {

    public ConsoleSettings {
        enabled = enabled == null || enabled;
        opsUrl = opsUrl == null ? URI.create("http://localhost:8082") : opsUrl;
        if (!("http".equals(opsUrl.getScheme()) || "https".equals(opsUrl.getScheme())) || opsUrl.getHost() == null
                || opsUrl.getQuery() != null || opsUrl.getFragment() != null
                || !(opsUrl.getRawPath() == null || opsUrl.getRawPath().isEmpty() || opsUrl.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("ledgerline.console.ops-url must be an http(s) origin such as "
                    + "http://localhost:8082, not " + opsUrl);
        }
    }

    /** The ops API's origin, as browsers compare it: scheme, host and port. */
    public String opsOrigin() {
        return opsUrl.getScheme() + "://" + opsUrl.getRawAuthority();
    }
}
