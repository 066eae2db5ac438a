package io.ledgerline.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs tokens with the local key: what {@code POST /auth/token} hands out, and what tests use. */
public final class TokenIssuer {

    private final RSAPrivateKey key;
    private final String issuer;
    private final String audience;
    private final String rolesClaim;

    public TokenIssuer(RSAPrivateKey key, String issuer, String audience, String rolesClaim) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.rolesClaim = rolesClaim;
    }

    public static TokenIssuer local(SecuritySettings settings) {
        return new TokenIssuer(LocalSigningKey.privateKey(settings.local().keyFile()), settings.issuer(),
                settings.audience(), settings.rolesClaim());
    }

    public String issue(String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(rolesClaim, roles)
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return token.serialize();
    }
}
