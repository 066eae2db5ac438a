package io.ledgerline.infrastructure.openapi;

import io.ledgerline.infrastructure.web.ProblemType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Each app's OpenAPI document: info, servers, the bearer scheme, the problem-details schema, the
 * shared headers, and the rules every endpoint follows (the roles it needs, the problems its
 * signature implies). Components no operation refers to are left out, so that every document
 * lints clean with Spectral's OpenAPI rules (docs/api.md).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BEARER = "bearer";

    /** The operation extension that lists the roles allowed to call it (a caller needs one of them). */
    public static final String ROLES_EXTENSION = "x-roles";

    @Bean
    public OpenAPI openApi(@Value("${spring.application.name}") String application,
                           @Value("${ledgerline.openapi.summary:Part of Ledgerline.}") String summary,
                           @Value("${ledgerline.openapi.server-url:http://localhost:${server.port:8080}}") String serverUrl,
                           @Value("${ledgerline.openapi.version:v1}") String version,
                           @Value("${ledgerline.openapi.contact:Ledgerline maintainers}") String contact,
                           @Value("${ledgerline.openapi.licence:Proprietary; all rights reserved (no licence granted)}")
                           String licence,
                           @Value("${ledgerline.openapi.licence-id:LicenseRef-Proprietary}") String licenceId) {
        return new OpenAPI()
                .info(new Info().title("Ledgerline " + application).version(version)
                        .description(summary + "\n\n" + COMMON_DESCRIPTION)
                        .contact(new Contact().name(contact))
                        .license(new License().name(licence).identifier(licenceId)))
                .addServersItem(new Server().url(serverUrl).description("The local run (./run.sh)"))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("""
                                        A JWT whose `roles` claim holds one or more of `client`, `merchant`, \
                                        `reporter`, `auditor` and `ops`; each operation names the roles it allows \
                                        in `x-roles` and in its description (a caller needs one of them); other \
                                        tokens get 403 `forbidden`. In local mode, `POST /auth/token` hands tokens \
                                        out (docs/security.md)."""))
                        .addSchemas(ApiContract.PROBLEM_SCHEMA, problemSchema())
                        .addSchemas("FieldError", fieldErrorSchema())
                        .addHeaders(ApiContract.ETAG, new Header().description(
                                        "The aggregate's version after this response, quoted (`\"3\"`); send it back as "
                                                + "`If-Match` to refuse a write if the aggregate changed meanwhile")
                                .schema(new StringSchema().pattern("^\"[0-9]+\"$").example("\"3\"")))
                        .addHeaders(ApiContract.LOCATION, new Header().description(
                                        "Where the created or changed resource is read: a path relative to the app "
                                                + "that serves it (the query side for orders, payments and inventory)")
                                .schema(new StringSchema().format("uri-reference").example("/api/orders/0b6c1f8e-5f0e-4d7a-9a55-2f3a8f1f4c11")))
                        .addHeaders(ApiContract.RETRY_AFTER, new Header().description("Whole seconds to wait before retrying")
                                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE).example(1)))
                        .addHeaders(ApiContract.IDEMPOTENT_REPLAYED, new Header().description(
                                        "`true` when this is the stored answer to an earlier request with the same "
                                                + "`Idempotency-Key`: nothing ran again")
                                .schema(new StringSchema()._enum(List.of("true")).example("true")))
                        .addHeaders(ApiContract.WWW_AUTHENTICATE, new Header().description("Always `Bearer`")
                                .schema(new StringSchema().example("Bearer")))
                        .addHeaders(ApiContract.CONTENT_DISPOSITION, new Header().description("The file name of the export")
                                .schema(new StringSchema().example("attachment; filename=\"orders.csv\"")))
                        .addParameters(ApiContract.IDEMPOTENCY_KEY, idempotencyKey(true))
                        .addParameters(ApiContract.IDEMPOTENCY_KEY_OPTIONAL, idempotencyKey(false))
                        .addParameters(ApiContract.IF_MATCH, new HeaderParameter().name("If-Match")
                                .description("The `ETag` (version) of an earlier response, `\"3\"` or `3`: the command is "
                                        + "refused with 409 `version-conflict` unless the aggregate is at exactly this "
                                        + "version. Absent, empty or `*` means the current version.")
                                .schema(new StringSchema().pattern("^(\\*|\"?[0-9]+\"?)?$").example("\"3\"")))
                        .addParameters(ApiContract.IF_NONE_MATCH, new HeaderParameter().name("If-None-Match")
                                .description("The `ETag` of an earlier read; if the item is still at that version the "
                                        + "answer is 304 without a body")
                                .schema(new StringSchema().example("\"1\""))))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    private static HeaderParameter idempotencyKey(boolean required) {
        HeaderParameter key = new HeaderParameter();
        key.name("Idempotency-Key").required(required)
                .description((required ? "Required here: this request creates an order or moves money. " : "")
                        + "A value the client makes up for one operation, e.g. a UUID. The same key with the same "
                        + "request (method, path, query, `If-Match`, body) answers the first response again with "
                        + "`Idempotent-Replayed: true` and runs nothing; with a different request it is refused (422 "
                        + "`idempotency-key-reused`). Scoped to the caller, kept for 24 h.")
                .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")
                        .example("5d1c7a52-0f3e-4c1b-9d7a-2b8e6f4a1c30"));
        return key;
    }

    private static final String COMMON_DESCRIPTION = """
            Errors are RFC 9457 problem details (`application/problem+json`, schema `Problem`) with a stable \
            `type` under `urn:ledgerline:problem:`; clients branch on `type`, never on `detail`. Every \
            response carries `X-Request-Id`. Amounts are decimal strings in the currency's minor unit \
            (`"19.99"` in EUR), currencies ISO 4217 codes, timestamps ISO-8601 instants in UTC. The \
            prose reference is docs/api.md.""";

    /** The rules that follow from an endpoint's signature and annotations, for every app. */
    @Bean
    public GlobalOperationCustomizer sharedOperationRules() {
        return new SharedOperationRules();
    }

    /**
     * A {@code @NotBlank} text is at least one character long: swagger writes {@code minLength: 0}
     * for it when it also has {@code @Size(max = …)}, so this corrects each record's properties once
     * they are resolved.
     */
    @Bean
    public ModelConverter notBlankIsNotEmpty() {
        return (type, context, chain) -> {
            Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (schema == null || raw == null || !raw.isRecord()) {
                return schema;
            }
            Schema<?> model = schema.get$ref() == null ? schema
                    : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (model == null || model.getProperties() == null) {
                return schema;
            }
            for (var component : raw.getRecordComponents()) {
                Schema<?> property = model.getProperties().get(component.getName());
                if (property != null && notBlank(raw, component.getName())
                        && (property.getMinLength() == null || property.getMinLength() < 1)) {
                    property.setMinLength(1);
                }
            }
            return schema;
        };
    }

    private static boolean notBlank(Class<?> record, String component) {
        try {
            return record.getDeclaredField(component).isAnnotationPresent(NotBlank.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** Last: responses in status order, and only the shared components some operation uses. */
    @Bean
    public GlobalOpenApiCustomizer tidyDocument() {
        return openApi -> {
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        operation.setResponses(ApiContract.sorted(operation.getResponses()));
                    }
                }));
            }
            String used = Json31.pretty(openApi.getPaths());
            Components components = openApi.getComponents();
            if (components.getHeaders() != null) {
                components.getHeaders().keySet().removeIf(name -> !used.contains("#/components/headers/" + name));
            }
            if (components.getParameters() != null) {
                components.getParameters().keySet().removeIf(name -> !used.contains("#/components/parameters/" + name));
            }
            if (openApi.getTags() != null) {
                openApi.getTags().sort(Comparator.comparing(Tag::getName));
            }
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem detail. Some types add properties: `errors` (validation, invalid-value), "
                        + "`property` (unknown-property), `expectedVersion` and `currentVersion` (version-conflict), "
                        + "`requiredVersion`/`currentVersion` or `requiredPosition`/`processedPosition` "
                        + "(not-yet-consistent), `incident` (internal-error).")
                .addRequiredItem("type").addRequiredItem("status")
                .addProperty("type", new StringSchema().format("uri")
                        .description("The stable problem type, `urn:ledgerline:problem:<code>`")
                        .example("urn:ledgerline:problem:insufficient-stock"))
                .addProperty("title", new StringSchema().description("A short summary of the type").example("Rejected by a business rule"))
                .addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status").example(409))
                .addProperty("detail", new StringSchema().description("What went wrong, for people")
                        .example("Only 8 of LAMP-1 available, 100 requested"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request path")
                        .example("/api/inventory/LAMP-1/reservations"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("One entry per invalid field or parameter"))
                .addProperty("property", new StringSchema().description("The property that was not recognised"))
                .addProperty("expectedVersion", new IntegerSchema().format("int64").description("The version `If-Match` named"))
                .addProperty("currentVersion", new IntegerSchema().format("int64").description("The version the aggregate or item is at"))
                .addProperty("requiredVersion", new IntegerSchema().format("int64").description("The `minVersion` asked for"))
                .addProperty("requiredPosition", new IntegerSchema().format("int64").description("The `minPosition` asked for"))
                .addProperty("processedPosition", new IntegerSchema().format("int64")
                        .description("The lowest position every segment of the read model has processed (-1 before any)"))
                .addProperty("incident", new StringSchema().description("The id the server logged the failure under"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema().description("One invalid field: its path in the body, or the parameter's name")
                .addRequiredItem("field").addRequiredItem("message")
                .addProperty("field", new StringSchema().example("lines[0].quantity"))
                .addProperty("message", new StringSchema().example("must be greater than 0"));
    }

    /** Roles, and the problems an endpoint's signature implies. */
    static final class SharedOperationRules implements GlobalOperationCustomizer, Ordered {

        @Override
        public Operation customize(Operation operation, HandlerMethod handler) {
            AllowedRoles roles = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AllowedRoles.class);
            if (roles == null) {
                roles = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AllowedRoles.class);
            }
            io.swagger.v3.oas.annotations.security.SecurityRequirements open = handler.getMethodAnnotation(
                    io.swagger.v3.oas.annotations.security.SecurityRequirements.class);
            if (roles != null) {
                // OpenAPI 3.1 lets a bearer requirement list role names, but Spectral's recommended rules warn about
                // any name that is not an OAuth 2 scope: the roles go in an extension, and in the description.
                operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
                operation.addExtension(ROLES_EXTENSION, Arrays.asList(roles.value()));
                String allowed = String.join(", ", Arrays.stream(roles.value()).map(r -> "`" + r + "`").toList());
                operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                        + "Roles: " + allowed + (roles.note().isEmpty() ? "." : "; " + roles.note() + "."));
                ApiContract.problems(operation, ProblemType.UNAUTHORIZED, ProblemType.FORBIDDEN);
            } else if (open != null && open.value().length == 0) {
                operation.setSecurity(new ArrayList<>());
            }
            for (MethodParameter parameter : handler.getMethodParameters()) {
                RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
                if (body != null) {
                    ApiContract.problems(operation, ProblemType.MALFORMED_JSON, ProblemType.UNKNOWN_PROPERTY,
                            ProblemType.INVALID_VALUE, ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE);
                    if (parameter.hasParameterAnnotation(Valid.class)) {
                        ApiContract.problems(operation, ProblemType.VALIDATION);
                    }
                }
                boolean typed = parameter.getParameterType() != String.class;
                if (typed && (parameter.hasParameterAnnotation(RequestParam.class)
                        || parameter.hasParameterAnnotation(PathVariable.class))) {
                    ApiContract.problems(operation, ProblemType.INVALID_VALUE);
                }
            }
            ApiProblems declared = handler.getMethodAnnotation(ApiProblems.class);
            if (declared != null) {
                ApiContract.problems(operation, declared.value());
                ApiContract.problems(operation, declared.codes());
            }
            ApiContract.problems(operation, ProblemType.MALFORMED_REQUEST, ProblemType.NOT_ACCEPTABLE,
                    ProblemType.INTERNAL_ERROR);
            for (String status : List.of("201", "202")) {
                ApiContract.header(operation, status, ApiContract.LOCATION);
            }
            return operation;
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }

}
