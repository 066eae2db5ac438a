package io.ledgerline.command.fulfilment;

import io.ledgerline.command.support.CommandSideTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(processor.getTokenStoreIdentifier()).isNotBlank();
    }
}
