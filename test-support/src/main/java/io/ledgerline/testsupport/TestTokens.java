package io.ledgerline.testsupport;

import io.ledgerline.infrastructure.security.SecuritySettings;
import io.ledgerline.infrastructure.security.TokenIssuer;

import java.time.Duration;
import java.util.List;

/**
 * Tokens signed with the local key the apps check in local mode (the same default key file, so
 * tests and apps in one working directory agree), for any subject and roles.
 */
public final class TestTokens {

    private static final TokenIssuer ISSUER = TokenIssuer.local(new SecuritySettings(null, null, null, null, null, null, null));

    private TestTokens() {
    }

    public static String issue(String subject, String... roles) {
        return ISSUER.issue(subject, List.of(roles), Duration.ofHours(1));
    }

    /** A back-office caller with every role: sees every customer's data and may call every endpoint. */
    public static String everyRole() {
        return issue("test-operator", "client", "merchant", "reporter", "auditor", "ops");
    }
}
