package io.ledgerline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles each published operation names ({@code x-roles}) are the roles the running app lets
 * through: a token with one of them is not refused with 403, a token with any other role is, and
 * no token at all gets 401. Path parameters name things that do not exist and bodies are empty
 * objects, so no call changes anything.
 */
class DocumentedRolesTest {

    private static final List<String> ROLES = List.of("client", "merchant", "reporter", "auditor", "ops");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "projections", "query-side"})
    void everyOperationLetsInExactlyTheRolesItDocuments(String app) throws Exception {
        JsonNode document = JSON.readTree(PublishedDocumentsTest.directory().resolve(app + ".json").toFile());
        String base = ContractSystem.get().url(app);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;

        for (var path : iterable(document.path("paths").fields())) {
            for (var entry : iterable(path.getValue().fields())) {
                String method = entry.getKey().toUpperCase();
                JsonNode operation = entry.getValue();
                String target = base + concrete(path.getKey());
                boolean hasBody = operation.has("requestBody");
                if (operation.path("security").isArray() && operation.path("security").isEmpty()) {
                    assertThat(operation.has("x-roles")).as("%s %s is open and names no roles", method, path.getKey()).isFalse();
                    continue;
                }
                Set<String> allowed = new TreeSet<>();
                operation.path("x-roles").forEach(role -> allowed.add(role.asText()));
                assertThat(allowed).as("%s %s names the roles it allows", method, path.getKey()).isNotEmpty();
                if (send(method, target, hasBody, null) != 401) {
                    mismatches.add(method + " " + path.getKey() + " without a token is not 401");
                }
                for (String role : ROLES) {
                    int status = send(method, target, hasBody, TestTokens.issue("contract-" + role, role));
                    if (allowed.contains(role) == (status == 403)) {
                        mismatches.add(method + " " + path.getKey() + " as " + role + ": " + status + " (documented "
                                + allowed + ")");
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isPositive();
        assertThat(mismatches).isEmpty();
    }

    /** The path with every parameter replaced by a name nothing has. */
    private static String concrete(String template) {
        return template.replaceAll("\\{[^}]+}", "contract-missing-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private int send(String method, String url, boolean body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "*/*")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
