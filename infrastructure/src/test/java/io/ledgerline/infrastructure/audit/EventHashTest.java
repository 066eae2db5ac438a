package io.ledgerline.infrastructure.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventHashTest {

    private static final EventHash.Content EVENT = content("{\"sku\":\"A\",\"quantity\":2}",
            "{\"correlationId\":\"r-1\",\"principal\":\"anonymous\"}");

    @Test
    void canonicalJsonSortsMembersAtEveryLevelAndDropsWhitespace() throws Exception {
        String canonical = EventHash.canonical(new ObjectMapper().readTree("{ \"b\": 1, \"a\": {\"z\": [ {\"y\":1,\"x\":2} ], \"c\": null}}"));

        assertThat(canonical).isEqualTo("{\"a\":{\"c\":null,\"z\":[{\"x\":2,\"y\":1}]},\"b\":1}");
    }

    @Test
    void theHashIgnoresMemberOrderAndFormattingOfTheStoredJson() {
        EventHash.Content reordered = content("{ \"quantity\" : 2, \"sku\" : \"A\" }",
                "{\"principal\":\"anonymous\",\"correlationId\":\"r-1\"}");

        assertThat(EventHash.of(reordered, EventHash.GENESIS)).isEqualTo(EventHash.of(EVENT, EventHash.GENESIS));
    }

    @Test
    void theHashIgnoresTheChainEntriesOfTheMetadataItself() {
        EventHash.Content withChain = content("{\"sku\":\"A\",\"quantity\":2}",
                "{\"correlationId\":\"r-1\",\"principal\":\"anonymous\",\"hash\":\"h\",\"previousHash\":\"p\"}");

        assertThat(EventHash.of(withChain, EventHash.GENESIS)).isEqualTo(EventHash.of(EVENT, EventHash.GENESIS));
    }

    @Test
    void changingThePayloadTheMetadataOrThePredecessorChangesTheHash() {
        String original = EventHash.of(EVENT, EventHash.GENESIS);

        assertThat(EventHash.of(content("{\"sku\":\"A\",\"quantity\":3}", "{\"correlationId\":\"r-1\",\"principal\":\"anonymous\"}"),
                EventHash.GENESIS)).isNotEqualTo(original);
        assertThat(EventHash.of(content("{\"sku\":\"A\",\"quantity\":2}", "{\"correlationId\":\"r-2\",\"principal\":\"anonymous\"}"),
                EventHash.GENESIS)).isNotEqualTo(original);
        assertThat(EventHash.of(EVENT, "1".repeat(64))).isNotEqualTo(original);
        assertThat(original).matches("[0-9a-f]{64}");
    }

    private static EventHash.Content content(String payload, String metadata) {
        return new EventHash.Content("A", "InventoryItem", 1, "e-1", "io.ledgerline.domain.inventory.StockReceived", "1",
                1_700_000_000_000L, payload.getBytes(StandardCharsets.UTF_8), metadata.getBytes(StandardCharsets.UTF_8));
    }
}
