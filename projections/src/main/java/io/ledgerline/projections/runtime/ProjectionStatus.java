package io.ledgerline.projections.runtime;

import java.util.List;

/**
 * What an operator sees of one read model.
 *
 * @param model      the read model
 * @param state      RUNNING, CATCHING_UP, REBUILDING, STOPPED, ERROR or STUCK
 * @param live       the generation queries are served from
 * @param rebuild    the generation being built beside it, if any
 * @param head       the global position of the newest event in the store
 * @param deadLetters events parked because a handler failed on them (live generation)
 */
public record ProjectionStatus(String model, String state, GenerationStatus live, GenerationStatus rebuild, long head,
                               long deadLetters) {

    /**
     * One generation's processor.
     *
     * @param position    the lowest position all segments have reached (-1 before any)
     * @param lagEvents   how far behind the head it is, in positions
     * @param lagSeconds  how old the oldest event it has not processed is, if it is behind
     * @param progress    for a rebuild: percentage of the way to its target position
     * @param etaSeconds  for a rebuild: estimated seconds to reach the target at the rate so far
     * @param lastError   the last processing error reported by a segment in this instance
     */
    public record GenerationStatus(int generation, String processor, boolean runningHere, long position, long lagEvents,
                                   Double lagSeconds, Double progress, Long etaSeconds, List<SegmentStatus> segments,
                                   String lastError) {
    }

    /** One segment: who owns it (instance and thread), where it is, and whether it is in error here. */
    public record SegmentStatus(int segment, String owner, long position, boolean caughtUp, String error) {
    }
}
