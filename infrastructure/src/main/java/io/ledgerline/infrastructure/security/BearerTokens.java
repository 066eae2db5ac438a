package io.ledgerline.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the bearer token as Spring's default resolver does (header only), without its
 * case-insensitive regular expression for a well-formed {@code Authorization: Bearer <token>}:
 * that expression walks the whole token (600 characters here) on every request. A header that is
 * not plainly well formed goes to Spring's resolver, which decides and words the error.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && isToken68(header, SCHEME.length())) {
            return header.substring(SCHEME.length());
        }
        return spring.resolve(request);
    }

    /** RFC 6750's {@code b64token} from {@code start} to the end: {@code [A-Za-z0-9-._~+/]+ =*}. */
    static boolean isToken68(String text, int start) {
        int i = start;
        while (i < text.length() && isTokenCharacter(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < text.length() && text.charAt(i) == '=') {
            i++;
        }
        return i == text.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
