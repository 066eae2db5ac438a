package io.ledgerline.query.web;

import io.ledgerline.infrastructure.openapi.ApiContract;
import io.ledgerline.infrastructure.web.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What every query endpoint does beyond its own signature, for the OpenAPI document: unknown
 * query parameters are refused, {@code minVersion} and {@code minPosition} wait for the read
 * model (or answer 503), and single-item reads carry an {@code ETag} and answer
 * {@code If-None-Match} with 304.
 */
@Component
public class QueryApiDocs implements GlobalOperationCustomizer, Ordered {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().startsWith("io.ledgerline.query")) {
            return operation;
        }
        ApiContract.problems(operation, ProblemType.INVALID_VALUE);
        boolean single = ApiContract.hasParameter(operation, "minVersion");
        if (single || ApiContract.hasParameter(operation, "minPosition")) {
            ApiContract.problems(operation, ProblemType.NOT_YET_CONSISTENT);
        }
        if (single) {
            ApiContract.parameter(operation, ApiContract.IF_NONE_MATCH);
            operation.getResponses().addApiResponse("304", new ApiResponse()
                    .description("Not modified: the item is still at the version `If-None-Match` named; no body"));
            ApiContract.header(operation, "304", ApiContract.ETAG);
            ApiContract.header(operation, "200", ApiContract.ETAG);
        }
        return operation;
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
