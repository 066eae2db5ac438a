package io.ledgerline.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final List<String> verifiedInFull = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);

    /** Verifies "good-…" tokens (expiring an hour from now), refuses every other. */
    private final JwtDecoder verifier = token -> {
        verifiedInFull.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("signature does not verify");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build();
    };

    @Test
    void aTokenIsVerifiedOnceAndThenAnsweredFromMemory() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);

        Jwt first = tokens.decode("good-1");
        Jwt second = tokens.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(verifiedInFull).containsExactly("good-1");
    }

    @Test
    void aTokenThatDiffersIsVerifiedInFullAndARefusalIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);
        tokens.decode("good-1");

        tokens.decode("good-12");
        assertThatThrownBy(() -> tokens.decode("evil-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("evil-1")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedInFull).containsExactly("good-1", "good-12", "evil-1", "evil-1");
    }

    @Test
    void anExpiredTokenIsNeverAnsweredFromMemory() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, clock);
        tokens.decode("good-1");

        clock.now = NOW.plus(Duration.ofHours(1));
        tokens.decode("good-1");

        assertThat(verifiedInFull).containsExactly("good-1", "good-1");
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
