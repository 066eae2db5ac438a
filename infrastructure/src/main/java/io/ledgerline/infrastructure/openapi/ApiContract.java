package io.ledgerline.infrastructure.openapi;

import io.ledgerline.infrastructure.web.ProblemType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the parts of an operation that many endpoints share: problem responses (one per status,
 * the problem-details schema, an example per type) and references to the shared headers. Each
 * app's operation customizer calls it; the components it refers to are defined once, in
 * {@link OpenApiConfiguration}.
 */
public final class ApiContract {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    /** Response headers, as components: {@code #/components/headers/<name>}. */
    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";

    /** Request headers, as parameter components: {@code #/components/parameters/<name>}. */
    public static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    public static final String IDEMPOTENCY_KEY_OPTIONAL = "IdempotencyKeyOptional";
    public static final String IF_MATCH = "IfMatch";
    public static final String IF_NONE_MATCH = "IfNoneMatch";

    private ApiContract() {
    }

    /** Adds the responses for these standard problem types (merged with any already there). */
    public static void problems(Operation operation, ProblemType... types) {
        for (ProblemType type : types) {
            add(operation, ProblemCatalogue.of(type));
        }
    }

    /** Adds the responses for problem types of the endpoint's own. */
    public static void problems(Operation operation, ApiProblems.Code... codes) {
        for (ApiProblems.Code code : codes) {
            add(operation, ProblemCatalogue.of(code));
        }
    }

    /** Adds a shared response header to one response of the operation, if it has that response. */
    public static void header(Operation operation, String status, String header) {
        ApiResponse response = operation.getResponses() == null ? null : operation.getResponses().get(status);
        if (response != null) {
            response.addHeaderObject(header, new Header().$ref("#/components/headers/" + header));
        }
    }

    /** Adds a shared response header to every 2xx response of the operation. */
    public static void successHeader(Operation operation, String header) {
        if (operation.getResponses() != null) {
            operation.getResponses().keySet().stream().filter(status -> status.startsWith("2"))
                    .toList().forEach(status -> header(operation, status, header));
        }
    }

    /** Adds a shared request header parameter (a component's name) to the operation, once. */
    public static void parameter(Operation operation, String component) {
        String ref = "#/components/parameters/" + component;
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> ref.equals(p.get$ref()));
        if (!present) {
            operation.addParametersItem(new Parameter().$ref(ref));
        }
    }

    /**
     * Replaces the inline header parameter a controller declares (such as {@code If-Match}) by the
     * shared component; answers whether the operation had it.
     */
    public static boolean replaceHeader(Operation operation, String header, String component) {
        if (operation.getParameters() == null) {
            return false;
        }
        List<Parameter> parameters = operation.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            if (header.equalsIgnoreCase(parameters.get(i).getName()) && "header".equals(parameters.get(i).getIn())) {
                parameters.set(i, new Parameter().$ref("#/components/parameters/" + component));
                return true;
            }
        }
        return false;
    }

    /** Whether the operation has a query or path parameter of this name. */
    public static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
    }

    private static void add(Operation operation, ProblemCatalogue.Entry entry) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String status = Integer.toString(entry.status());
        ApiResponse response = operation.getResponses().computeIfAbsent(status, s -> new ApiResponse());
        if (response.getContent() == null || response.getContent().get(PROBLEM_MEDIA_TYPE) == null) {
            response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE, new MediaType()
                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        }
        MediaType media = response.getContent().get(PROBLEM_MEDIA_TYPE);
        if (media.getExamples() == null) {
            media.setExamples(new LinkedHashMap<>());
        }
        media.getExamples().putIfAbsent(entry.code(), new Example().summary(entry.type()).description(entry.meaning())
                .value(entry.example()));
        response.setDescription(describe(media.getExamples()));
        if (entry.status() == 401) {
            header(operation, status, WWW_AUTHENTICATE);
        }
        if (entry.code().equals("too-many-requests") || entry.code().equals("idempotency-key-in-progress")
                || entry.code().equals("not-yet-consistent")) {
            header(operation, status, RETRY_AFTER);
        }
    }

    /** "A problem of one of these types:" and a line per type, in code order so the document is stable. */
    private static String describe(Map<String, Example> examples) {
        return examples.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "- `" + e.getValue().getSummary() + "`: " + e.getValue().getDescription())
                .collect(Collectors.joining("\n", examples.size() == 1 ? "A problem of this type:\n" : "A problem of one of these types:\n", ""));
    }

    /** Orders responses by status, successes first, for a stable and readable document. */
    static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        sorted.setExtensions(responses.getExtensions());
        return sorted;
    }
}
