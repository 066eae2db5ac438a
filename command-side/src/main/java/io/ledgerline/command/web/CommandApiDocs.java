package io.ledgerline.command.web;

import io.ledgerline.command.idempotency.IdempotencyConfiguration;
import io.ledgerline.infrastructure.openapi.ApiContract;
import io.ledgerline.infrastructure.web.ProblemType;
import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;

/**
 * What every command endpoint does beyond its own signature, for the OpenAPI document: the rate
 * limit, {@code Idempotency-Key} (required on {@link IdempotencyConfiguration#REQUIRED}),
 * {@code If-Match} with its conflicts, and the {@code ETag} of the version written.
 */
@Component
public class CommandApiDocs implements GlobalOperationCustomizer, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getPackageName().startsWith("io.ledgerline.command")) {
            return operation;
        }
        boolean keyRequired = paths(handler).stream()
                .anyMatch(path -> IdempotencyConfiguration.REQUIRED.stream().anyMatch(pattern -> PATHS.match(pattern, path)));
        ApiContract.parameter(operation, keyRequired ? ApiContract.IDEMPOTENCY_KEY : ApiContract.IDEMPOTENCY_KEY_OPTIONAL);
        ApiContract.problems(operation, ProblemType.INVALID_VALUE, ProblemType.IDEMPOTENCY_KEY_REUSED,
                ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS, ProblemType.TOO_MANY_REQUESTS);
        if (keyRequired) {
            ApiContract.problems(operation, ProblemType.MISSING_HEADER);
        }
        if (ApiContract.replaceHeader(operation, ExpectedVersion.HEADER, ApiContract.IF_MATCH)) {
            ApiContract.problems(operation, ProblemType.VERSION_CONFLICT, ProblemType.CONCURRENCY_CONFLICT);
        }
        ApiContract.successHeader(operation, ApiContract.ETAG);
        ApiContract.successHeader(operation, ApiContract.IDEMPOTENT_REPLAYED);
        return operation;
    }

    /** The handler's full paths: its class mapping joined with its own. */
    private static List<String> paths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : Arrays.asList(type.path());
        List<String> suffixes = method == null || method.path().length == 0 ? List.of("") : Arrays.asList(method.path());
        return prefixes.stream().flatMap(prefix -> suffixes.stream().map(suffix -> prefix + suffix)).toList();
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
