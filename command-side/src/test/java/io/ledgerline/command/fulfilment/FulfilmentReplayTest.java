package io.ledgerline.command.fulfilment;

import io.ledgerline.command.support.CommandSideTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fulfilment process reserves stock and moves money: replaying history through it would do
 * that all over again. Its processor must refuse to be reset.
 */
class FulfilmentReplayTest extends CommandSideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theFulfilmentProcessorRunsAsAStreamingProcessorThatRefusesReplays() {
        StreamingEventProcessor processor = processing
                .eventProcessor(FulfilmentConfiguration.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();

        assertThat(processor.supportsReset()).isFalse();
        assertThatThrownBy(processor::resetTokens).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("support a reset");
        // Its progress is kept in the command side's token table, one row per configured segment.
        assertThat(jdbc.sql("SELECT count(*) FROM events.token_entry WHERE processor_name = ?")
                .param(FulfilmentConfiguration.PROCESSING_GROUP).query(Long.class).single())
                .isEqualTo(4);
    }
}
