package io.ledgerline.infrastructure.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ledgerline.security.*} (docs/security.md).
 *
 * @param mode       {@code local}: tokens signed with a key on this machine, issued by {@code POST /auth/token}
 *                   to the users below; {@code jwt}: tokens from an external identity provider, checked
 *                   against its key set at {@code jwkSetUri}
 * @param issuer     the {@code iss} every token must carry
 * @param audience   a value the token's {@code aud} must contain
 * @param rolesClaim the claim holding the caller's roles (client, merchant, reporter, auditor, ops)
 * @param jwkSetUri  where the identity provider publishes its signing keys (jwt mode)
 * @param local      the local issuer's key file, token lifetime and users
 * @param cors       the browser origins allowed to call this app from another origin (the console's)
 */
@ConfigurationProperties("ledgerline.security")
public record SecuritySettings(String mode, String issuer, String audience, String rolesClaim, String jwkSetUri,
                               Local local, Cors cors) {

    public SecuritySettings {
        mode = mode == null ? "local" : mode;
        issuer = issuer == null ? "ledgerline-local" : issuer;
        audience = audience == null ? "ledgerline" : audience;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        local = local == null ? new Local(null, null, null) : local;
        cors = cors == null ? new Cors(null) : cors;
        if (!mode.equals("local") && !mode.equals("jwt")) {
            throw new IllegalArgumentException("ledgerline.security.mode must be local or jwt, not " + mode);
        }
        if (mode.equals("jwt") && (jwkSetUri == null || jwkSetUri.isBlank())) {
            throw new IllegalArgumentException("ledgerline.security.mode=jwt needs ledgerline.security.jwk-set-uri");
        }
    }

    public boolean isLocal() {
        return mode.equals("local");
    }

    /** The local issuer: where its signing key lives, how long its tokens last, and whom it issues them to. */
    public record Local(Path keyFile, Duration tokenTtl, List<User> users) {

        /** The local users when none are configured (docs/security.md); their passwords are for local runs only. */
        static final List<User> DEFAULT_USERS = List.of(
                new User("c-1", "c-1-password", List.of("client")),
                new User("c-2", "c-2-password", List.of("client")),
                new User("merchant", "merchant-password", List.of("merchant")),
                new User("reporter", "reporter-password", List.of("reporter")),
                new User("auditor", "auditor-password", List.of("auditor")),
                new User("ops", "ops-password", List.of("ops")));

        public Local {
            keyFile = keyFile == null ? Path.of(".ledgerline", "local-signing-key") : keyFile;
            tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
            users = users == null || users.isEmpty() ? DEFAULT_USERS : List.copyOf(users);
        }
    }

    /**
     * Cross-origin calls from browsers: only the listed origins ({@code scheme://host[:port]}, exact,
     * no wildcard) may call this app, with a bearer token and never with cookies. Empty: none may.
     */
    public record Cors(List<String> allowedOrigins) {

        private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]+");

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            for (String origin : allowedOrigins) {
                if (!ORIGIN.matcher(origin).matches()) {
                    throw new IllegalArgumentException("ledgerline.security.cors.allowed-origins takes exact origins such as "
                            + "http://localhost:8083 (scheme, host, port; no path, no wildcard), not " + origin);
                }
            }
        }
    }

    /** A local user: the name becomes the token's subject (for a client: its customer id). */
    public record User(String name, String password, List<String> roles) {
    }
}
