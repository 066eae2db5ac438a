package io.ledgerline.infrastructure.security;

import io.ledgerline.infrastructure.web.ProblemResponses;
import io.ledgerline.infrastructure.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /auth/token} in local mode only: exchanges a configured user's name and password for
 * a signed token, so the local run needs no identity provider. Never enabled in jwt mode.
 */
@RestController
public class TokenController {

    private final SecuritySettings settings;
    private final TokenIssuer issuer;

    public TokenController(SecuritySettings settings, TokenIssuer issuer) {
        this.settings = settings;
        this.issuer = issuer;
    }

    /** The credentials a local user sends. */
    public record Credentials(String username, String password) {
    }

    @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> token(@RequestBody Credentials credentials, HttpServletRequest request,
                                     HttpServletResponse response) throws IOException {
        for (SecuritySettings.User user : settings.local().users()) {
            if (user.name().equals(credentials.username()) && matches(user.password(), credentials.password())) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("access_token", issuer.issue(user.name(), user.roles(), settings.local().tokenTtl()));
                body.put("token_type", "Bearer");
                body.put("expires_in", settings.local().tokenTtl().toSeconds());
                body.put("roles", user.roles());
                return body;
            }
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                "Unknown user or wrong password");
        return null;
    }

    private static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
