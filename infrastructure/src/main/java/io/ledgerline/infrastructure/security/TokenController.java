package io.ledgerline.infrastructure.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgerline.infrastructure.openapi.ApiProblems;
import io.ledgerline.infrastructure.web.ProblemResponses;
import io.ledgerline.infrastructure.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import java.util.List;

/**
 * {@code POST /auth/token} in local mode only: exchanges a configured user's name and password for
 * a signed token, so the local run needs no identity provider. Never enabled in jwt mode.
 */
@RestController
@Tag(name = "Authentication", description = "Local mode only: tokens for the built-in users (docs/security.md)")
public class TokenController {

    private final SecuritySettings settings;
    private final TokenIssuer issuer;

    public TokenController(SecuritySettings settings, TokenIssuer issuer) {
        this.settings = settings;
        this.issuer = issuer;
    }

    /** The credentials a local user sends. */
    @Schema(description = "A built-in user's name and password")
    public record Credentials(
            @Schema(description = "The user: `c-1`, `c-2`, `merchant`, `reporter`, `auditor` or `ops`", example = "c-1",
                    requiredMode = Schema.RequiredMode.REQUIRED) String username,
            @Schema(description = "The user's password, `<name>-password` locally", example = "c-1-password",
                    requiredMode = Schema.RequiredMode.REQUIRED) String password) {
    }

    /** A token as OAuth 2 token endpoints answer it. */
    @Schema(description = "A signed bearer token and what it allows")
    public record IssuedToken(
            @JsonProperty("access_token") @Schema(description = "The JWT to send as `Authorization: Bearer <token>`",
                    requiredMode = Schema.RequiredMode.REQUIRED) String accessToken,
            @JsonProperty("token_type") @Schema(description = "Always `Bearer`", example = "Bearer",
                    requiredMode = Schema.RequiredMode.REQUIRED) String tokenType,
            @JsonProperty("expires_in") @Schema(description = "Seconds until the token expires", example = "28800",
                    requiredMode = Schema.RequiredMode.REQUIRED) long expiresIn,
            @Schema(description = "The roles the token carries", example = "[\"client\"]",
                    requiredMode = Schema.RequiredMode.REQUIRED) List<String> roles) {
    }

    @Operation(operationId = "issueToken", summary = "Exchange a local user's name and password for a bearer token",
            description = "Local security mode only (the default); in `jwt` mode tokens come from the identity provider "
                    + "and this path does not exist. The token is valid for `ledgerline.security.local.token-ttl` (8 h).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "client",
            value = "{\"username\":\"c-1\",\"password\":\"c-1-password\"}")))
    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "The token", content = @Content(examples = @ExampleObject(name = "client",
            value = "{\"access_token\":\"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjLTEiLCJyb2xlcyI6WyJjbGllbnQiXX0.c2lnbmF0dXJl\","
                    + "\"token_type\":\"Bearer\",\"expires_in\":28800,\"roles\":[\"client\"]}")))
    @SecurityRequirements
    @ApiProblems(ProblemType.UNAUTHORIZED)
    @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public IssuedToken token(@RequestBody Credentials credentials, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        for (SecuritySettings.User user : settings.local().users()) {
            if (user.name().equals(credentials.username()) && matches(user.password(), credentials.password())) {
                return new IssuedToken(issuer.issue(user.name(), user.roles(), settings.local().tokenTtl()), "Bearer",
                        settings.local().tokenTtl().toSeconds(), user.roles());
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
