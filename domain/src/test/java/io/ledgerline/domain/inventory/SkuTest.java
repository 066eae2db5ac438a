package io.ledgerline.domain.inventory;

import io.ledgerline.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SkuTest {

    private static final String SIXTY_FOUR = "A".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"A", "mug-red_01.v2", "9LIVES"})
    void acceptsLettersDigitsAndSeparators(String value) {
        assertThat(new Sku(value)).hasToString(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-MUG", ".MUG", "MUG RED", "MUG/RED", "MÜG"})
    void rejectsMalformedValues(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Sku(value));
        assertThat(e.field()).isEqualTo("sku");
    }

    @org.junit.jupiter.api.Test
    void acceptsSixtyFourCharactersButNotSixtyFive() {
        assertThat(new Sku(SIXTY_FOUR).value()).hasSize(64);
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Sku(SIXTY_FOUR + "A"));
        assertThat(e.field()).isEqualTo("sku");
    }
}
