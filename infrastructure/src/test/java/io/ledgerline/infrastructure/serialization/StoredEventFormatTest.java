package io.ledgerline.infrastructure.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are forever. {@code stored-events/} holds one event of every type exactly as the version
 * before the move to Spring Boot 4 stored it (written by that version's mapper): each still reads
 * back to the same event, and the same event is written byte for byte as then, but for the one
 * change made on purpose: {@link io.ledgerline.domain.shared.Money} no longer stores the derived
 * {@code "zero"} property (old events that carry it still read).
 */
class StoredEventFormatTest {

    private static final ObjectMapper MAPPER = MessageSerialization.messageObjectMapper();

    @Test
    void everyEventStoredBeforeTheMoveReadsBackAsTheSameEvent() throws IOException {
        List<Object> samples = StoredEventSamples.all();
        List<String> stored = storedForms(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Object sample = samples.get(i);
            assertThat(MAPPER.readValue(stored.get(i), sample.getClass())).as(stored.get(i)).isEqualTo(sample);
        }
    }

    @Test
    void everyEventIsWrittenAsBeforeButWithoutTheDerivedZeroOfMoney() throws IOException {
        List<Object> samples = StoredEventSamples.all();
        List<String> stored = storedForms(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            String expected = stored.get(i).replace(",\"zero\":false", "").replace(",\"zero\":true", "");
            assertThat(MAPPER.writeValueAsString(samples.get(i))).isEqualTo(expected).doesNotContain("zero");
        }
        assertThat(String.join("", stored)).as("the old form did carry it").contains("\"zero\":false", "\"zero\":true");
    }

    private static List<String> storedForms(int count) throws IOException {
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("%02d-%s.json", i, StoredEventSamples.all().get(i).getClass().getSimpleName());
            try (InputStream in = StoredEventFormatTest.class.getResourceAsStream("/stored-events/" + name)) {
                assertThat(in).as(name).isNotNull();
                forms.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        }
        return forms;
    }
}
