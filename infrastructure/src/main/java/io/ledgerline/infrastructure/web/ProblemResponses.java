package io.ledgerline.infrastructure.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a problem detail straight to a servlet response, for filters that answer before Spring MVC. */
public final class ProblemResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             ProblemType type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body(status.value(), type, detail, request.getRequestURI()));
    }

    /**
     * The problem document itself. {@code instance} is left out when null, and so is a path too
     * long or too strange to echo (it is what the client sent, and the client knows it).
     */
    public static byte[] json(int status, ProblemType type, String detail, String instance) {
        try {
            return MAPPER.writeValueAsBytes(body(status, type, detail, instance));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> body(int status, ProblemType type, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        HttpStatus known = HttpStatus.resolve(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null && instance.length() <= 512 && SAFE_PATH.matcher(instance).matches()) {
            body.put("instance", instance);
        }
        return body;
    }

    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("[A-Za-z0-9/._~%!$&'()*+,;=:@-]*");
}
