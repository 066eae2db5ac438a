package io.ledgerline.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ledgerline.infrastructure.security.LocalSigningKey;
import io.ledgerline.infrastructure.security.TokenIssuer;
import io.ledgerline.testsupport.HttpJson;
import io.ledgerline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what, over HTTP against the three apps, with tokens from the local issuer and forged ones. */
class SecurityEndToEndTest {

    private static final Path KEY_FILE = Path.of(".ledgerline", "local-signing-key");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    @Test
    void onlyTheConsolesOriginMayCallTheOpsApiFromABrowserAndNeverWithCookies() throws Exception {
        String console = system.console.substring(0, system.console.indexOf("/console/"));
        URI status = URI.create(system.opsUrl + "/ops/projections");
        HttpResponse<String> preflight = preflight(status, console);
        HttpResponse<String> foreign = preflight(status, "http://evil.example");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(console);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("authorization");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(JSON.readTree(foreign.body()).path("type").asText()).isEqualTo("urn:ledgerline:problem:forbidden");

        HttpJson.Response read = system.ops.get("/ops/projections", "Origin", console);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(console);
        HttpJson.Response anonymous = system.ops.as(null).get("/ops/projections", "Origin", console);
        assertThat(anonymous.status()).as("CORS lets the browser read the refusal; it grants nothing").isEqualTo(401);
        assertThat(anonymous.header("Access-Control-Allow-Origin")).isEqualTo(console);
        assertThat(system.ops.get("/ops/projections", "Origin", "http://evil.example").status()).isEqualTo(403);
        // The command side is told of no origin: it answers no cross-origin call at all.
        assertThat(system.commands.get("/actuator/health", "Origin", console).header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void theConsolesFilesAreOpenWithAStrictContentPolicyAndWhatTheyShowIsNot() {
        HttpJson anonymous = system.queries.as(null);
        String page = system.console.substring(system.console.indexOf("/console/"));

        HttpJson.Response index = anonymous.get(page);
        HttpJson.Response config = anonymous.get(page + "config.json");

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).startsWith("text/html");
        assertThat(index.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>");
        assertThat(index.header("Content-Security-Policy")).contains("script-src 'self'")
                .contains("connect-src 'self' " + system.opsUrl).contains("frame-ancestors 'none'");
        assertThat(anonymous.get(page + "js/readside.js").status()).isEqualTo(200);
        assertThat(config.json().path("securityMode").asText()).isEqualTo("local");
        assertThat(config.json().path("tokenUrl").asText()).isEqualTo("/auth/token");
        assertThat(config.json().path("opsUrl").asText()).isEqualTo(system.opsUrl);
        HttpJson.Response missing = anonymous.get(page + "nothing-here.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.field("type")).isEqualTo("urn:ledgerline:problem:not-found");
        assertThat(anonymous.post(page + "config.json", "{}").status()).isEqualTo(401);
    }

    private static HttpResponse<String> preflight(URI target, String origin) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(target)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutATokenEverythingButHealthIsClosedWith401() {
        HttpJson anonymousCommands = system.commands.as(null);
        HttpJson anonymousQueries = system.queries.as(null);
        HttpJson anonymousOps = system.ops.as(null);

        HttpJson.Response command = anonymousCommands.post("/api/inventory", "{\"sku\":\"X\",\"name\":\"x\",\"unitPrice\":\"1\",\"currency\":\"EUR\"}");
        assertThat(command.status()).isEqualTo(401);
        assertThat(command.field("type")).isEqualTo("urn:ledgerline:problem:unauthorized");
        assertThat(anonymousQueries.get("/api/orders").status()).isEqualTo(401);
        assertThat(anonymousQueries.get("/api/audit/events").status()).isEqualTo(401);
        assertThat(anonymousOps.get("/ops/projections").status()).isEqualTo(401);
        assertThat(anonymousQueries.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymousCommands.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void eachRoleReachesItsOwnEndpointsAndGets403Elsewhere() {
        HttpJson reporter = system.queries.as(TestTokens.issue("rita", "reporter"));
        HttpJson auditor = system.queries.as(TestTokens.issue("audrey", "auditor"));
        String ops = TestTokens.issue("oscar", "ops");

        assertThat(reporter.get("/api/orders").status()).isEqualTo(200);
        assertThat(reporter.get("/api/inventory").status()).isEqualTo(200);
        assertThat(reporter.get("/api/audit/events").status()).isEqualTo(403);
        assertThat(auditor.get("/api/audit/events").status()).isEqualTo(200);
        assertThat(auditor.get("/api/reports/order-status").status()).isEqualTo(403);
        assertThat(system.ops.as(ops).get("/ops/projections").status()).isEqualTo(200);
        assertThat(system.queries.as(ops).get("/api/orders").status()).isEqualTo(403);
        HttpJson.Response reporterCommand = system.commands.as(TestTokens.issue("rita", "reporter"))
                .post("/api/orders/x/confirm", null);
        assertThat(reporterCommand.status()).isEqualTo(403);
        assertThat(reporterCommand.field("type")).isEqualTo("urn:ledgerline:problem:forbidden");
        String client = TestTokens.issue("c-" + UUID.randomUUID(), "client");
        assertThat(system.queries.as(client).get("/api/inventory").status()).isEqualTo(403);
        assertThat(system.ops.as(client).get("/ops/projections").status()).isEqualTo(403);
    }

    @Test
    void forgedUnsignedExpiredOrMisdirectedTokensAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey otherKey = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        String forged = new TokenIssuer(otherKey, "ledgerline-local", "ledgerline", "roles")
                .issue("mallory", List.of("reporter"), Duration.ofMinutes(5));
        TokenIssuer realKey = issuerWith("ledgerline-local", "ledgerline");
        String expired = realKey.issue("rita", List.of("reporter"), Duration.ofSeconds(-120));
        String wrongAudience = issuerWith("ledgerline-local", "somebody-else").issue("rita", List.of("reporter"), Duration.ofMinutes(5));
        String wrongIssuer = issuerWith("evil-issuer", "ledgerline").issue("rita", List.of("reporter"), Duration.ofMinutes(5));
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64("{\"sub\":\"rita\",\"roles\":[\"reporter\"],"
                + "\"iss\":\"ledgerline-local\",\"aud\":\"ledgerline\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300) + "}") + ".";

        for (String token : List.of(forged, expired, wrongAudience, wrongIssuer, unsigned)) {
            assertThat(system.queries.as(token).get("/api/orders").status()).as(token).isEqualTo(401);
        }
        assertThat(system.queries.as(realKey.issue("rita", List.of("reporter"), Duration.ofMinutes(5))).get("/api/orders")
                .status()).isEqualTo(200);
    }

    @Test
    void everyAppRefusesAnHs256TokenKeyedWithThePublicKeyATokenWithoutExpiryAndEditedClaims() throws Exception {
        RSAPublicKey publicKey = LocalSigningKey.publicKey(KEY_FILE);
        long inFiveMinutes = System.currentTimeMillis() / 1000 + 300;
        String claims = "{\"sub\":\"mallory\",\"roles\":[\"reporter\",\"ops\"],\"iss\":\"ledgerline-local\","
                + "\"aud\":\"ledgerline\",\"exp\":" + inFiveMinutes + "}";
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String hmacWithKeyBytes = hs256(claims, publicKey.getEncoded());
        String hmacWithPem = hs256(claims, pem.getBytes(StandardCharsets.US_ASCII));
        String withoutExpiry = rs256(new JWTClaimsSet.Builder().subject("mallory").issuer("ledgerline-local")
                .audience("ledgerline").issueTime(new Date()).claim("roles", List.of("reporter", "ops")).build());
        String genuine = issuerWith("ledgerline-local", "ledgerline").issue("rita", List.of("reporter", "ops"),
                Duration.ofMinutes(5));
        String[] parts = genuine.split("\\.");
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        String otherSubject = parts[0] + "." + base64(((ObjectNode) payload.deepCopy()).put("sub", "mallory").toString())
                + "." + parts[2];
        String moreRoles = parts[0] + "." + base64(((ObjectNode) payload.deepCopy())
                .set("roles", JSON.valueToTree(List.of("reporter", "ops", "auditor", "client"))).toString()) + "." + parts[2];
        String laterExpiry = parts[0] + "." + base64(((ObjectNode) payload.deepCopy())
                .put("exp", payload.path("exp").asLong() + 86_400).toString()) + "." + parts[2];

        Map<String, HttpJson> apps = Map.of("command side", system.commands, "query side", system.queries,
                "projections", system.ops);
        Map<String, String> probes = Map.of("command side", "/actuator/prometheus", "query side", "/api/orders",
                "projections", "/ops/projections");
        apps.forEach((app, http) -> {
            String probe = probes.get(app);
            assertThat(http.as(genuine).get(probe).status()).as(app + " with the genuine token").isEqualTo(200);
            Map.of("HS256 keyed with the public key", hmacWithKeyBytes, "HS256 keyed with the public key's PEM", hmacWithPem,
                    "no exp", withoutExpiry, "edited sub", otherSubject, "edited roles", moreRoles, "edited exp", laterExpiry)
                    .forEach((kind, token) -> {
                        HttpJson.Response refused = http.as(token).get(probe);
                        assertThat(refused.status()).as(app + ", " + kind).isEqualTo(401);
                        assertThat(refused.field("type")).as(app + ", " + kind).isEqualTo("urn:ledgerline:problem:unauthorized");
                    });
        });
    }

    @Test
    void aClientSeesAndChangesOnlyItsOwnOrdersAndPayments() {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        HttpJson aliceCommands = system.commands.as(TestTokens.issue(alice, "client"));
        HttpJson bobCommands = system.commands.as(TestTokens.issue(bob, "client"));
        HttpJson aliceQueries = system.queries.as(TestTokens.issue(alice, "client"));
        HttpJson bobQueries = system.queries.as(TestTokens.issue(bob, "client"));

        HttpJson.Response placed = aliceCommands.post("/api/orders", order(alice), "Idempotency-Key", HttpJson.newKey());
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.field("orderId");
        assertThat(aliceCommands.post("/api/orders", order(bob), "Idempotency-Key", HttpJson.newKey()).status()).isEqualTo(403);
        system.awaitQuery("/api/orders/" + orderId, r -> true);

        assertThat(aliceQueries.get("/api/orders/" + orderId).status()).isEqualTo(200);
        assertThat(bobQueries.get("/api/orders/" + orderId).status()).isEqualTo(404);
        assertThat(bobQueries.get("/api/orders?customerId=" + alice).body()).doesNotContain(orderId);
        assertThat(aliceQueries.get("/api/orders").body()).contains(orderId);
        assertThat(bobCommands.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"not mine\"}").status()).isEqualTo(404);

        String paymentId = aliceCommands.post("/api/payments", """
                {"orderId":"%s","amount":"3.00","currency":"EUR","paymentMethodToken":"tok_visa"}""".formatted(orderId),
                "Idempotency-Key", HttpJson.newKey()).field("paymentId");
        assertThat(bobCommands.post("/api/payments/" + paymentId + "/capture", "{\"amount\":\"1.00\",\"currency\":\"EUR\"}",
                "Idempotency-Key", HttpJson.newKey()).status()).isEqualTo(404);
        system.awaitQuery("/api/payments/" + paymentId, r -> true);
        assertThat(bobQueries.get("/api/payments/" + paymentId).status()).isEqualTo(404);
        assertThat(aliceQueries.get("/api/payments/" + paymentId).field("customerId")).isEqualTo(alice);
        assertThat(aliceCommands.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}").status())
                .isEqualTo(200);

        String principal = system.queries.get("/api/audit/streams/" + orderId).json().path("events").get(1)
                .path("metadata").path("principal").asText();
        assertThat(principal).isEqualTo(alice);
    }

    @Test
    void theLocalIssuerHandsConfiguredUsersATokenAndRefusesWrongPasswords() {
        HttpJson.Response token = system.commands.as(null).post("/auth/token", "{\"username\":\"reporter\",\"password\":\"reporter-password\"}");
        HttpJson.Response refused = system.commands.as(null).post("/auth/token", "{\"username\":\"reporter\",\"password\":\"guess\"}");

        assertThat(token.status()).isEqualTo(200);
        assertThat(system.queries.as(token.field("access_token")).get("/api/reports/order-status").status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
    }

    private static TokenIssuer issuerWith(String issuer, String audience) {
        return new TokenIssuer(LocalSigningKey.privateKey(KEY_FILE), issuer, audience, "roles");
    }

    /** A token with an HS256 header whose MAC is keyed with {@code secret}. */
    private static String hs256(String claims, byte[] secret) throws Exception {
        String signingInput = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Claims signed with the apps' real local key, exactly as given. */
    private static String rs256(JWTClaimsSet claims) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        token.sign(new RSASSASigner(LocalSigningKey.privateKey(KEY_FILE)));
        return token.serialize();
    }

    private static String order(String customer) {
        return "{\"customerId\":\"" + customer + "\",\"currency\":\"EUR\",\"lines\":[{\"sku\":\"SEC-1\",\"quantity\":1,\"unitPrice\":\"3.00\"}]}";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
