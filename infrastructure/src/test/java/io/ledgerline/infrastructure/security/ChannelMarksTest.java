package io.ledgerline.infrastructure.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelMarksTest {

    private static final SecuritySettings JWT = new SecuritySettings("jwt", null, null, null,
            "https://idp.example.com/jwks", null, null);
    private static final ChannelMarks MARKS = ChannelMarks.of(JWT, "a-channel-key-of-at-least-32-characters");

    @Test
    void aRequestWithTheProofForItsOwnTokenProvesTheMcpChannel() {
        MockHttpServletRequest request = request("Bearer token-a", "mcp", MARKS.proof("mcp", "Bearer token-a"));

        assertThat(MARKS.verifiedChannel(request)).isEqualTo("mcp");
        assertThat(MARKS.claimsUnproven(request)).isFalse();
    }

    @Test
    void aProofMadeForAnotherTokenProvesNothing() {
        MockHttpServletRequest request = request("Bearer token-b", "mcp", MARKS.proof("mcp", "Bearer token-a"));

        assertThat(MARKS.verifiedChannel(request)).isNull();
        assertThat(MARKS.claimsUnproven(request)).isTrue();
    }

    @Test
    void aProofUnderAnotherKeyOrNoProofAtAllProvesNothing() {
        ChannelMarks other = ChannelMarks.of(JWT, "another-channel-key-of-32-characters!!");

        assertThat(MARKS.verifiedChannel(request("Bearer t", "mcp", other.proof("mcp", "Bearer t")))).isNull();
        assertThat(MARKS.verifiedChannel(request("Bearer t", "mcp", null))).isNull();
        assertThat(MARKS.verifiedChannel(request("Bearer t", "rest", MARKS.proof("rest", "Bearer t")))).isNull();
    }

    @Test
    void aRequestThatClaimsNoChannelIsNotASuspiciousClaim() {
        MockHttpServletRequest plain = request("Bearer t", null, null);

        assertThat(MARKS.verifiedChannel(plain)).isNull();
        assertThat(MARKS.claimsUnproven(plain)).isFalse();
    }

    @Test
    void withoutAKeyInJwtModeNothingCanBeMarked() {
        ChannelMarks none = ChannelMarks.of(JWT, "");

        assertThat(none.enabled()).isFalse();
        assertThat(none.verifiedChannel(request("Bearer t", "mcp", MARKS.proof("mcp", "Bearer t")))).isNull();
        assertThatThrownBy(() -> none.proof("mcp", "Bearer t")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> ChannelMarks.of(JWT, "too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }

    private static MockHttpServletRequest request(String authorization, String channel, String proof) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.addHeader("Authorization", authorization);
        if (channel != null) {
            request.addHeader(ChannelMarks.CHANNEL_HEADER, channel);
        }
        if (proof != null) {
            request.addHeader(ChannelMarks.PROOF_HEADER, proof);
        }
        return request;
    }
}
