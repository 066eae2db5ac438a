package io.ledgerline.mcp.server;

import io.ledgerline.infrastructure.security.ChannelMarks;
import io.ledgerline.infrastructure.web.CorrelationIdFilter;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Forwards a tool call to the REST API that serves it, with the caller's own bearer token: the REST
 * app authenticates and authorizes it as it does every request, so an agent can do exactly what its
 * token allows over REST and nothing more. Commands also carry the MCP channel mark with its proof
 * ({@link ChannelMarks}), so that the command side records them as sent through MCP.
 */
public class LedgerlineApis {

    private static final String JSON = "application/json";

    private final HttpClient client;
    private final McpSettings settings;
    private final ChannelMarks channels;

    public LedgerlineApis(McpSettings settings, ChannelMarks channels) {
        this.settings = settings;
        this.channels = channels;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** A {@code GET} of {@code path} (segments already encoded) with the non-null {@code query} parameters. */
    public Answer get(Caller caller, Api api, String path, Map<String, ?> query) throws ApiUnavailable {
        return get(caller, api, path, query, JSON);
    }

    /** As above, for an answer in another format ({@code accept}, with problem details for errors). */
    public Answer get(Caller caller, Api api, String path, Map<String, ?> query, String accept) throws ApiUnavailable {
        return send(request(caller, api, path + queryString(query))
                .header("Accept", accept + ", application/problem+json").GET(), api);
    }

    /** A command: a {@code POST} with a JSON body and the MCP channel mark; {@code headers} are name, value pairs. */
    public Answer command(Caller caller, String path, String jsonBody, String... headers) throws ApiUnavailable {
        HttpRequest.Builder request = request(caller, Api.COMMANDS, path)
                .header("Content-Type", "application/json")
                .header("Accept", JSON + ", application/problem+json")
                .header(ChannelMarks.CHANNEL_HEADER, ChannelMarks.MCP)
                .header(ChannelMarks.PROOF_HEADER, channels.proof(ChannelMarks.MCP, caller.authorization()))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return send(request, Api.COMMANDS);
    }

    /** One path segment, percent-encoded, so that an id can never change which path is called. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(Caller caller, Api api, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(api) + pathAndQuery))
                .timeout(settings.timeout())
                .header("Authorization", caller.authorization());
        if (caller.requestId() != null) {
            // The REST app records it as the correlation id of the events, so that one agent request can be traced.
            request.header(CorrelationIdFilter.HEADER, caller.requestId());
        }
        return request;
    }

    private String base(Api api) {
        String base = switch (api) {
            case COMMANDS -> settings.commandUrl().toString();
            case QUERIES -> settings.queryUrl().toString();
            case PROJECTIONS -> settings.projectionsUrl().toString();
        };
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private Answer send(HttpRequest.Builder request, Api api) throws ApiUnavailable {
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new ApiUnavailable(api, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailable(api, e);
        }
    }

    private static String queryString(Map<String, ?> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joined.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }

    /** The API could not be reached or did not answer in time. */
    public static final class ApiUnavailable extends Exception {

        private final Api api;

        ApiUnavailable(Api api, Exception cause) {
            super(api.description() + " did not answer", cause);
            this.api = api;
        }

        public Api api() {
            return api;
        }
    }
}
