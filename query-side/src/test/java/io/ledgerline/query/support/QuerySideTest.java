package io.ledgerline.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.ledgerline.query.QuerySideApplication;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestDatabases;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the query side's tests: the real app over HTTP on a real PostgreSQL whose read schema
 * comes from the projections' Flyway migration. Rows are written through the real projection
 * handlers on a connection of their own, since the app's pool is read-only as in production.
 * Subclasses share one app and one database, so every test works on ids of its own.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=query-side", "spring.flyway.enabled=true", "spring.flyway.schemas=read",
                "spring.flyway.locations=classpath:db/migration/read"})
public abstract class QuerySideTest {

    public static final String NOT_FOUND = "urn:ledgerline:problem:not-found";
    public static final String INVALID_VALUE = "urn:ledgerline:problem:invalid-value";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static TestDatabases.TestDatabase database;
    private static ReadModel sharedReadModel;

    @LocalServerPort
    private int port;

    protected HttpJson http;
    protected ReadModel readModel;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestDatabases.register(registry);
        // The app's own pool is read-only; Flyway needs a connection that may create the schema.
        registry.add("spring.flyway.url", database::url);
        registry.add("spring.flyway.user", database::username);
        registry.add("spring.flyway.password", database::password);
    }

    @BeforeEach
    void connect() {
        http = HttpJson.onPort(port);
        readModel = sharedReadModel();
    }

    private static synchronized ReadModel sharedReadModel() {
        if (sharedReadModel == null) {
            var writer = new SingleConnectionDataSource(database.url(), database.username(), database.password(), true);
            sharedReadModel = new ReadModel(JdbcClient.create(writer));
        }
        return sharedReadModel;
    }

    /** GET with {@code Accept: text/csv}; the raw response, for its headers. */
    protected HttpResponse<String> getCsv(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/csv").header("Authorization", "Bearer " + TestTokens.everyRole()).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The records of a CSV document, header first, parsed by a real CSV reader. */
    protected static List<List<String>> csvRecords(String body) {
        try (MappingIterator<List<String>> records = CSV.readerForListOf(String.class).readValues(body)) {
            return new ArrayList<>(records.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Asserts a problem-details response and returns its body. */
    protected static JsonNode assertProblem(HttpJson.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }

    /** Asserts a 400 invalid-value problem naming {@code field}, and returns its body. */
    protected static JsonNode assertInvalid(HttpJson.Response response, String field) {
        JsonNode problem = assertProblem(response, 400, INVALID_VALUE);
        assertThat(problem.path("errors").path(0).path("field").asText()).as(response.body()).isEqualTo(field);
        return problem;
    }
}
