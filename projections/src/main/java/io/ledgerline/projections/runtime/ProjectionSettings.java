package io.ledgerline.projections.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the projection processors run ({@code ledgerline.projections.*}, docs/configuration.md).
 *
 * @param segments          segments per processor, the unit of parallel work across threads and instances
 * @param threads           worker threads per processor in this instance
 * @param batchSize         events per transaction for live processors
 * @param rebuildBatchSize  events per transaction while a generation is being built
 * @param bulkRebuild       whether a rebuild writes the history up to its start in bulk before its processor
 *                          takes over ({@link BulkBuild}); unset: yes
 * @param idleTokenInterval how often a segment with nothing to do stores its advanced token
 * @param reconcileInterval how often this instance aligns its processors with the generations table
 * @param switchWithin      a rebuild goes live once it is at most this many events behind the head
 * @param retiredGrace      how long a replaced generation stays before its tables are dropped
 * @param stuckAfter        a processor behind the head that has not moved for this long is reported stuck
 */
@ConfigurationProperties("ledgerline.projections")
public record ProjectionSettings(int segments, int threads, int batchSize, int rebuildBatchSize,
                                 Boolean bulkRebuild, Duration idleTokenInterval, Duration reconcileInterval, long switchWithin,
                                 Duration retiredGrace, Duration stuckAfter) {

    public ProjectionSettings {
        segments = segments > 0 ? segments : 4;
        threads = threads > 0 ? threads : 2;
        batchSize = batchSize > 0 ? batchSize : 100;
        rebuildBatchSize = rebuildBatchSize > 0 ? rebuildBatchSize : 1000;
        bulkRebuild = bulkRebuild == null || bulkRebuild;
        idleTokenInterval = idleTokenInterval != null ? idleTokenInterval : Duration.ofMillis(500);
        reconcileInterval = reconcileInterval != null ? reconcileInterval : Duration.ofSeconds(1);
        switchWithin = switchWithin > 0 ? switchWithin : 100;
        retiredGrace = retiredGrace != null ? retiredGrace : Duration.ofSeconds(10);
        stuckAfter = stuckAfter != null ? stuckAfter : Duration.ofSeconds(60);
    }
}
