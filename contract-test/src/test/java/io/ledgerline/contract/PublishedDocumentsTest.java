package io.ledgerline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents in docs/openapi are what the apps serve at /v3/api-docs, byte for byte (after
 * pretty-printing), so that every change to the contract shows in a review diff. With
 * {@code -Dledgerline.openapi.write=true} the test rewrites the files instead of comparing.
 */
class PublishedDocumentsTest {

    static final String WRITE = "ledgerline.openapi.write";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "projections", "query-side"})
    void thePublishedDocumentIsWhatTheAppServes(String app) throws Exception {
        String served = pretty(fetch(ContractSystem.get().url(app) + "/v3/api-docs"));
        Path published = directory().resolve(app + ".json");

        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(published, served, StandardCharsets.UTF_8);
            return;
        }
        assertThat(published).as("docs/openapi/%s.json is missing", app).exists();
        assertThat(Files.readString(published, StandardCharsets.UTF_8))
                .as("docs/openapi/%s.json differs from what the code produces. Regenerate the published documents with "
                        + "./mvnw -B verify -pl contract-test -am -Dtest=PublishedDocumentsTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -D%s=true, then review and commit the diff", app, WRITE)
                .isEqualTo(served);
    }

    static Path directory() {
        return Path.of(System.getProperty("ledgerline.openapi.dir", "../docs/openapi"));
    }

    private static String pretty(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        return JSON.writeValueAsString(tree) + "\n";
    }

    private static String fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }
}
