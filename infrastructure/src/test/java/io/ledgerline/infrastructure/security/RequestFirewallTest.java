package io.ledgerline.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cheap firewall decides exactly as Spring's strict one, and still refuses control characters. */
class RequestFirewallTest {

    private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "a b~c",
            "tab\there", "nul\u0000", "bell\u0007", "del\u007f", "next line\u0085", "café", "日本",
            "emoji \uD83D\uDE00", "lone \uD800 surrogate", "unassigned \u0378", "noncharacter \uFFFF",
            "line\nbreak", "cr\r");

    @Test
    void decidesEveryRuleAsSpringDoes() {
        assertSameAs(StrictHttpFirewall.ALLOWED_HEADER_NAMES);
        assertSameAs(StrictHttpFirewall.ALLOWED_HEADER_VALUES);
        assertSameAs(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES);
        assertSameAs(StrictHttpFirewall.ALLOWED_PARAMETER_VALUES);
    }

    @Test
    void aHeaderWithAControlCharacterIsStillRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        request.addHeader("X-Request-Id", "abc\u0007");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        var firewalled = RequestFirewall.strict().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThatThrownBy(() -> firewalled.getHeader("X-Request-Id")).isInstanceOf(RequestRejectedException.class);
    }

    private static void assertSameAs(Predicate<String> spring) {
        Predicate<String> ours = RequestFirewall.printableAsciiOr(spring);
        for (String sample : SAMPLES) {
            assertThat(ours.test(sample)).as(sample).isEqualTo(spring.test(sample));
        }
    }
}
