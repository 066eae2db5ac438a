package io.ledgerline.query.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of a list; {@code nextCursor} is absent on the last page. */
@Schema(description = "One page of a list")
public record Page<T>(
        @Schema(description = "The items of this page", requiredMode = Schema.RequiredMode.REQUIRED) List<T> items,
        @Schema(description = "Pass it as `cursor` (with the same filters and sort) for the next page; absent on the last page",
                example = "b3JkZXJzOjE3MzIxMDAwMDA") String nextCursor) {
}
