package io.ledgerline.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small JSON-over-HTTP client for tests that talk to a running app the way a client app would. */
public final class HttpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    /** A client that sends {@code token} as its bearer token (none when null). */
    public HttpJson(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same server, with another caller's token (or none). */
    public HttpJson as(String bearerToken) {
        return new HttpJson(baseUrl, bearerToken);
    }

    /** A fresh value for an {@code Idempotency-Key} header. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** A client on a local port, calling with every role (see {@link TestTokens#everyRole()}). */
    public static HttpJson onPort(int port) {
        return new HttpJson("http://localhost:" + port, TestTokens.everyRole());
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path, headers);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.POST(json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, content type, ETag, body and headers of one response. */
    public record Response(int status, String contentType, String etag, String body,
                           java.util.Map<String, java.util.List<String>> headers) {

        /** The first value of a response header (names are case-insensitive), or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return body.isEmpty() ? MissingNode.getInstance() : MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        /** A top-level text field of the JSON body. */
        public String field(String name) {
            return json().path(name).asText();
        }
    }
}
