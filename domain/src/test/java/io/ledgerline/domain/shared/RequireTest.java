package io.ledgerline.domain.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab\u0000cd", "tab\there", "new\nline", "bell\u0007", "del\u007f", "c1\u0085",
            "lone \ud800 high", "lone \udc00 low", "reversed \udc00\ud800", "nonchar \uffff", "nonchar \ufffe",
            "nonchar \ufdd0", "astral nonchar \ud83f\udffe"})
    void textThatAnEventCannotKeepIsRefused(String value) {
        assertThatThrownBy(() -> Require.text(value, "name", 200))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control characters")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Desk lamp", "Größe 42 – café", "日本語の名前", "emoji \ud83d\ude00 pair", "\ufffd replacement",
            "private use \ue000"})
    void ordinaryTextIsKept(String value) {
        assertThat(Require.text(value, "name", 200)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankTextIsRefused(String value) {
        assertThatThrownBy(() -> Require.text(value, "reason", 10)).hasMessage("reason must not be blank");
    }
}
