package io.ledgerline.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cheap resolver finds the same token as Spring's, and refuses the same headers with the same error. */
class BearerTokensTest {

    private static final List<String> HEADERS = Arrays.asList(null, "", "Bearer", "Bearer ", "Bearer  abc",
            "Bearer abc", "bearer abc", "BEARER abc", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl",
            "Bearer a-b_c~d+e/f", "Bearer abc==", "Bearer abc=d", "Bearer ===", "Bearer abc\n", "Bearer abc ",
            "Bearer ab\u00e9", "Bearer ab%20c", "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc", "Bearer\tabc");

    @Test
    void resolvesEveryHeaderAsSpringDoes() {
        for (String header : HEADERS) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            assertThat(outcome(() -> new BearerTokens().resolve(request))).as(String.valueOf(header))
                    .isEqualTo(outcome(() -> new DefaultBearerTokenResolver().resolve(request)));
        }
    }

    @Test
    void aWellFormedTokenIsFoundWithoutSpringsResolver() {
        assertThat(BearerTokens.isToken68("Bearer abc.def-_~+/==", 7)).isTrue();
        assertThat(BearerTokens.isToken68("Bearer =abc", 7)).isFalse();
        assertThat(BearerTokens.isToken68("Bearer ", 7)).isFalse();
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
        }
    }
}
