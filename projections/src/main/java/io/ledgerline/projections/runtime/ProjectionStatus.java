package io.ledgerline.projections.runtime;

import io.swagger.v3.oas.annotations.media.Schema;

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
@Schema(description = "The state of one read model (docs/operations.md)")
public record ProjectionStatus(
        @Schema(description = "The read model", allowableValues = {"orders", "payments", "inventory", "sales"},
                example = "orders", requiredMode = Schema.RequiredMode.REQUIRED) String model,
        @Schema(description = "The read model's state", allowableValues = {"RUNNING", "CATCHING_UP", "REBUILDING", "STOPPED",
                "ERROR", "STUCK"}, example = "RUNNING", requiredMode = Schema.RequiredMode.REQUIRED) String state,
        @Schema(description = "The generation queries are served from", requiredMode = Schema.RequiredMode.REQUIRED) GenerationStatus live,
        @Schema(description = "The generation being built beside it, while a rebuild runs") GenerationStatus rebuild,
        @Schema(description = "The global position of the newest event in the store", example = "5321", requiredMode = Schema.RequiredMode.REQUIRED) long head,
        @Schema(description = "Events the live generation parked because a handler failed on them", example = "0", requiredMode = Schema.RequiredMode.REQUIRED)
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
    @Schema(description = "One generation's event processor")
    public record GenerationStatus(
            @Schema(description = "The generation number", example = "1", requiredMode = Schema.RequiredMode.REQUIRED) int generation,
            @Schema(description = "Its event processor", example = "orders-g1", requiredMode = Schema.RequiredMode.REQUIRED) String processor,
            @Schema(description = "Whether this instance runs it", example = "true", requiredMode = Schema.RequiredMode.REQUIRED) boolean runningHere,
            @Schema(description = "The lowest position all segments have reached (-1 before any)", example = "5321", requiredMode = Schema.RequiredMode.REQUIRED) long position,
            @Schema(description = "How far behind the head it is, in positions", example = "0", requiredMode = Schema.RequiredMode.REQUIRED) long lagEvents,
            @Schema(description = "How old the oldest event it has not processed is, if behind", example = "0.4") Double lagSeconds,
            @Schema(description = "For a rebuild: percent of the way to its target position", example = "42.5") Double progress,
            @Schema(description = "For a rebuild: estimated seconds to reach the target", example = "12") Long etaSeconds,
            @Schema(description = "Its segments", requiredMode = Schema.RequiredMode.REQUIRED) List<SegmentStatus> segments,
            @Schema(description = "The last processing error a segment reported in this instance") String lastError) {
    }

    /** One segment: who owns it (instance and thread), where it is, and whether it is in error here. */
    @Schema(description = "One segment of a processor")
    public record SegmentStatus(
            @Schema(description = "The segment id", example = "0", requiredMode = Schema.RequiredMode.REQUIRED) int segment,
            @Schema(description = "The instance and thread that own it", example = "6998@host#0") String owner,
            @Schema(description = "Where it is", example = "5321", requiredMode = Schema.RequiredMode.REQUIRED) long position,
            @Schema(description = "Whether it has caught up with the head", example = "true", requiredMode = Schema.RequiredMode.REQUIRED) boolean caughtUp,
            @Schema(description = "Its error in this instance, if any") String error) {
    }
}
