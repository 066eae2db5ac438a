package io.ledgerline.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The load generator's HTTP client: JSON in and out, HTTP/1.1 keep-alive connections, no retries,
 * and a bearer token when it acts as a user ({@link #as}).
 */
public final class Http {

    /** Status of a request that got no HTTP answer at all (connection refused, reset, timed out). */
    public static final int TRANSPORT_ERROR = -1;

    private final HttpClient client;
    private final String token;

    public Http() {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
                null);
    }

    private Http(HttpClient client, String token) {
        this.client = client;
        this.token = token;
    }

    /**
     * The same connections, sending requests as {@code user} with a token from the apps' local
     * token endpoint (docs/security.md: local mode, built-in users).
     */
    public Http as(String tokenEndpointBaseUrl, String user) {
        Response issued = post(tokenEndpointBaseUrl + "/auth/token",
                "{\"username\":\"" + user + "\",\"password\":\"" + user + "-password\"}", null);
        if (!issued.ok()) {
            throw new IllegalStateException("No token for " + user + ": " + issued.status() + " " + issued.body());
        }
        return new Http(client, Workload.field(issued.body(), "access_token"));
    }

    public Response post(String url, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(authorized(request).build());
    }

    public Response get(String url) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET()).build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(TRANSPORT_ERROR, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(TRANSPORT_ERROR, "interrupted");
        }
    }

    /** An answer: its status and body. */
    public record Response(int status, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
