package io.ledgerline.projections.runtime;

import java.time.Instant;

/** One row of {@code read.projection_generation}: which generation of a model is live, built, or retired. */
record Generation(String model, int active, Integer building, Instant buildingStartedAt, Long buildingTarget,
                  Integer retired, Instant retiredAt, Instant switchedAt) {
}
