package io.ledgerline.infrastructure.ids;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOrderedIdsTest {

    @Test
    void anIdentifierIsAVersion7UuidThatCarriesTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void theFreeBitsAreTheGeneratorsAndNoneOfThemIsOverwritten() {
        long at = Instant.parse("2026-12-04T15:00:00Z").toEpochMilli();

        UUID ones = TimeOrderedIds.at(at, fixed((byte) 0xff));
        UUID zeros = TimeOrderedIds.at(at, fixed((byte) 0));

        // 12 bits after the version, 62 after the variant: 74 bits that differ.
        assertThat(Long.bitCount(ones.getMostSignificantBits() ^ zeros.getMostSignificantBits())).isEqualTo(12);
        assertThat(Long.bitCount(ones.getLeastSignificantBits() ^ zeros.getLeastSignificantBits())).isEqualTo(62);
        assertThat(ones.version()).isEqualTo(7);
        assertThat(zeros.version()).isEqualTo(7);
        assertThat(ones.variant()).isEqualTo(2);
        assertThat(zeros.variant()).isEqualTo(2);
        assertThat(zeros.toString()).isEqualTo("01a24191-bd80-7000-8000-000000000000");
    }

    @Test
    void laterMillisecondsGiveIdentifiersThatSortLaterAsText() {
        long at = Instant.parse("2026-12-04T15:00:00Z").toEpochMilli();
        Random random = new Random(7);

        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(TimeOrderedIds.at(at + i, random).toString());
        }

        // The unique index on event_identifier compares the text: that order is the time's.
        assertThat(made).isSorted();
    }

    @Test
    void aTimeThatDoesNotFitIn48BitsIsRefused() {
        assertThatThrownBy(() -> TimeOrderedIds.at(1L << 48, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.at(-1, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsMakingIdentifiersAtOnceNeverMakeTheSameOne() throws Exception {
        int threads = 8;
        int each = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<UUID>>> makers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                makers.add(() -> {
                    List<UUID> mine = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        mine.add(TimeOrderedIds.next());
                    }
                    return mine;
                });
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> made : pool.invokeAll(makers)) {
                all.addAll(made.get());
            }
            assertThat(all).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void axonMakesItsMessageIdentifiersHere() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIds.class);

        String identifier = GenericEventMessage.asEventMessage("an event").getIdentifier();

        assertThat(UUID.fromString(identifier).version()).isEqualTo(7);
    }

    private static Random fixed(byte value) {
        return new Random() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, value);
            }
        };
    }
}
